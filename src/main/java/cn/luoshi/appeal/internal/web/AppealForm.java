package cn.luoshi.appeal.internal.web;

import java.util.List;

import cn.luoshi.appeal.AppealChannel;
import cn.luoshi.appeal.NewAppeal;

/** The fields of the appeal forms (public, enterprise account, staff), bound from the posted form. */
public class AppealForm {

    private String creditCode;
    private String enterpriseName;
    private String contactName;
    private String contactPhone;
    private String contactEmail;
    private String categoryCode;
    private String title;
    private String content;
    private AppealChannel channel;
    private Long responsibleUnitId;
    private List<Long> coUnitIds;
    private boolean confirmDuplicate;

    NewAppeal toCommand() {
        return new NewAppeal(creditCode, enterpriseName, contactName, contactPhone, contactEmail, categoryCode, title,
                content, channel, responsibleUnitId, coUnitIds, null, null, null, null, null, null, null,
                confirmDuplicate);
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getEnterpriseName() {
        return enterpriseName;
    }

    public void setEnterpriseName(String enterpriseName) {
        this.enterpriseName = enterpriseName;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public AppealChannel getChannel() {
        return channel;
    }

    public void setChannel(AppealChannel channel) {
        this.channel = channel;
    }

    public Long getResponsibleUnitId() {
        return responsibleUnitId;
    }

    public void setResponsibleUnitId(Long responsibleUnitId) {
        this.responsibleUnitId = responsibleUnitId;
    }

    public List<Long> getCoUnitIds() {
        return coUnitIds;
    }

    public void setCoUnitIds(List<Long> coUnitIds) {
        this.coUnitIds = coUnitIds;
    }

    public boolean isConfirmDuplicate() {
        return confirmDuplicate;
    }

    public void setConfirmDuplicate(boolean confirmDuplicate) {
        this.confirmDuplicate = confirmDuplicate;
    }
}
