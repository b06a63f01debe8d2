package cn.luoshi.appeal;

import java.math.BigDecimal;
import java.util.List;

/**
 * An appeal to be filed, from whatever channel. The enterprise is named by its unified social credit code, name and
 * contact as given. Links to a project, task or on-site meeting are plain ids. A {@code sourceKey} lets a caller file
 * the same thing again without creating a second appeal (e.g. {@code project-problem:42}).
 *
 * @param responsibleUnitId when set (staff entry, on-site meeting), the appeal is dispatched to this unit at once
 * @param confirmDuplicate  the filer has seen the "可能重复" warning and files anyway
 */
public record NewAppeal(String creditCode, String enterpriseName, String contactName, String contactPhone,
                        String contactEmail, String categoryCode, String title, String content,
                        AppealChannel channel, Long responsibleUnitId, List<Long> coUnitIds, Long projectId,
                        Long taskId, Long meetingId, String sourceKey, String address, BigDecimal latitude,
                        BigDecimal longitude, boolean confirmDuplicate) {

    public NewAppeal {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
    }

    /** The plain case: an enterprise describes a problem. */
    public static NewAppeal of(String creditCode, String enterpriseName, String contactName, String contactPhone,
                               String categoryCode, String title, String content, AppealChannel channel) {
        return new NewAppeal(creditCode, enterpriseName, contactName, contactPhone, null, categoryCode, title,
                content, channel, null, List.of(), null, null, null, null, null, null, null, false);
    }

    public NewAppeal withResponsibleUnit(Long unitId, List<Long> coUnits) {
        return new NewAppeal(creditCode, enterpriseName, contactName, contactPhone, contactEmail, categoryCode, title,
                content, channel, unitId, coUnits, projectId, taskId, meetingId, sourceKey, address, latitude,
                longitude, confirmDuplicate);
    }

    public NewAppeal withLinks(Long project, Long task, Long meeting, String key) {
        return new NewAppeal(creditCode, enterpriseName, contactName, contactPhone, contactEmail, categoryCode, title,
                content, channel, responsibleUnitId, coUnitIds, project, task, meeting, key, address, latitude,
                longitude, confirmDuplicate);
    }

    public NewAppeal confirmingDuplicate() {
        return new NewAppeal(creditCode, enterpriseName, contactName, contactPhone, contactEmail, categoryCode, title,
                content, channel, responsibleUnitId, coUnitIds, projectId, taskId, meetingId, sourceKey, address,
                latitude, longitude, true);
    }
}
