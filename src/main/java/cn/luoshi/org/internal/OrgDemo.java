package cn.luoshi.org.internal;

import java.util.Set;

import cn.luoshi.common.demo.DemoContributor;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import org.springframework.stereotype.Component;

/** The demo city 示例市 in its province, with departments, a park, grids and one user per role. */
@Component
class OrgDemo implements DemoContributor {

    private final OrgUnits units;
    private final UserAccounts accounts;

    OrgDemo(OrgUnits units, UserAccounts accounts) {
        this.units = units;
        this.accounts = accounts;
    }

    @Override
    public String key() {
        return "org";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load() {
        OrgUnit province = region(null, DemoCity.PROVINCE, "示例省", 0);
        OrgUnit city = region(province, DemoCity.CITY, "示例市", 1);
        region(province, DemoCity.PEER_CITY, "友邻市", 2);
        String[][] otherCities = {{"990300", "江北市"}, {"990400", "青山市"}, {"990500", "云岭市"},
                {"990600", "湖东市"}, {"990700", "南港市"}, {"990800", "石门市"}};
        int order = 3;
        for (String[] c : otherCities) {
            region(province, c[0], c[1], order++);
        }

        OrgUnit chengguan = region(city, DemoCity.CHENGGUAN, "城关区", 1);
        region(city, DemoCity.GAOXIN, "高新区", 2);
        OrgUnit jiangnan = region(city, DemoCity.JIANGNAN, "江南区", 3);
        OrgUnit linjiang = region(city, DemoCity.LINJIANG, "临江县", 4);
        region(city, DemoCity.QINGHE, "青河县", 5);
        region(city, DemoCity.DONGSHAN, "东山县", 6);

        String[][] departments = {
                {DemoCity.GOVERNMENT_OFFICE, "市政府办公室"}, {DemoCity.SUPERVISION_OFFICE, "市委督查室"},
                {DemoCity.FGW, "市发展和改革委员会"}, {DemoCity.GXJ, "市工业和信息化局"},
                {DemoCity.TJJ, "市统计局"}, {DemoCity.ZJJ, "市住房和城乡建设局"}, {DemoCity.SWJ, "市商务局"},
                {DemoCity.CZJ, "市财政局"}, {DemoCity.KJJ, "市科学技术局"}, {DemoCity.ZRZYJ, "市自然资源和规划局"},
                {DemoCity.STHJJ, "市生态环境局"}, {DemoCity.JTYSJ, "市交通运输局"},
                {DemoCity.RSJ, "市人力资源和社会保障局"}, {DemoCity.WLJ, "市文化和旅游局"},
                {DemoCity.JYJ, "市教育局"}, {DemoCity.YSJ, "市营商环境建设局"}, {DemoCity.SLJ, "市水利和湖泊局"}};
        int sort = 10;
        for (String[] d : departments) {
            units.createSystem(city.id(), d[0], d[1], OrgUnitKind.DEPARTMENT, sort++);
        }
        units.createSystem(city.id(), DemoCity.PARK, "示例市工业集中区", OrgUnitKind.PARK, 40);
        units.createSystem(linjiang.id(), "990121-GYJZQ", "临江县乡镇工业集中区", OrgUnitKind.PARK, 40);
        units.createSystem(chengguan.id(), DemoCity.CHENGGUAN_FGJ, "城关区发展和改革局", OrgUnitKind.DEPARTMENT, 10);
        units.createSystem(jiangnan.id(), DemoCity.JIANGNAN_FGJ, "江南区发展和改革局", OrgUnitKind.DEPARTMENT, 10);
        units.createSystem(chengguan.id(), "990102-WG01", "城关区东门街道第一网格", OrgUnitKind.GRID, 50);
        units.createSystem(city.id(), "990100-LY01", "磁湖流域三级治理单元", OrgUnitKind.GRID, 50);

        user("leader", "周市长", DemoCity.CITY, null, Role.LEADER);
        user("duchashi", "督查室 陈主任", DemoCity.SUPERVISION_OFFICE, DemoCity.CITY, Role.SUPERVISOR);
        user("gxj", "工信局 刘经办", DemoCity.GXJ, null, Role.UNIT_HANDLER);
        user("gxjfzr", "工信局 赵局长", DemoCity.GXJ, null, Role.UNIT_HEAD);
        user("fgw", "发改委 孙经办", DemoCity.FGW, null, Role.UNIT_HANDLER);
        user("fgwfzr", "发改委 钱主任", DemoCity.FGW, null, Role.UNIT_HEAD);
        user("tjj", "统计局 吴统计", DemoCity.TJJ, DemoCity.CITY, Role.STATISTICIAN);
        user("zjj", "住建局 郑经办", DemoCity.ZJJ, null, Role.UNIT_HANDLER);
        user("swj", "商务局 冯经办", DemoCity.SWJ, null, Role.UNIT_HANDLER);
        user("ysj", "营商局 何经办", DemoCity.YSJ, null, Role.UNIT_HANDLER);
        user("cgq", "城关区 黄经办", DemoCity.CHENGGUAN, null, Role.UNIT_HANDLER);
        user("jnq", "江南区 林经办", DemoCity.JIANGNAN, null, Role.UNIT_HANDLER);
        user("yuanqu", "工业集中区 王经办", DemoCity.PARK, null, Role.UNIT_HANDLER);
        user("yuanqufzr", "工业集中区 李主任", DemoCity.PARK, null, Role.UNIT_HEAD);
        enterprise("qiye1", "示例重工机械有限公司", DemoCity.QIYE1_CREDIT_CODE);
        enterprise("qiye2", "示例新材料科技有限公司", DemoCity.QIYE2_CREDIT_CODE);
    }

    private OrgUnit region(OrgUnit parent, String code, String name, int sortOrder) {
        return units.createSystem(parent == null ? null : parent.id(), code, name, OrgUnitKind.REGION, sortOrder);
    }

    private void user(String username, String displayName, String unitCode, String scopeCode, Role role) {
        Long unitId = units.findByCode(unitCode).orElseThrow().id();
        Long scopeId = scopeCode == null ? null : units.findByCode(scopeCode).orElseThrow().id();
        accounts.createDemo(new NewUser(username, displayName, null, unitId, scopeId, Set.of(role),
                null, null));
    }

    private void enterprise(String username, String displayName, String creditCode) {
        accounts.createDemo(new NewUser(username, displayName, null, null, null,
                Set.of(Role.ENTERPRISE), creditCode, null));
    }
}
