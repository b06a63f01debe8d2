package cn.luoshi.org;

/**
 * Codes of the demo city's org units, so each module's demo loader can find the units it hangs its data on
 * ({@code orgUnits.findByCode(DemoCity.GXJ)}). The region codes use the 99 prefix, which GB/T 2260 leaves unused.
 */
public final class DemoCity {

    public static final String PROVINCE = "990000";
    public static final String CITY = "990100";
    /** The peer city of seed 000's comparisons. */
    public static final String PEER_CITY = "990200";

    public static final String CHENGGUAN = "990102";
    public static final String GAOXIN = "990103";
    public static final String JIANGNAN = "990104";
    public static final String LINJIANG = "990121";
    public static final String QINGHE = "990122";
    public static final String DONGSHAN = "990123";

    public static final String GOVERNMENT_OFFICE = "990100-ZFB";
    public static final String SUPERVISION_OFFICE = "990100-DCS";
    public static final String FGW = "990100-FGW";
    public static final String GXJ = "990100-GXJ";
    public static final String TJJ = "990100-TJJ";
    public static final String ZJJ = "990100-ZJJ";
    public static final String SWJ = "990100-SWJ";
    public static final String CZJ = "990100-CZJ";
    public static final String KJJ = "990100-KJJ";
    public static final String ZRZYJ = "990100-ZRZYJ";
    public static final String STHJJ = "990100-STHJJ";
    public static final String JTYSJ = "990100-JTYSJ";
    public static final String RSJ = "990100-RSJ";
    public static final String WLJ = "990100-WLJ";
    public static final String JYJ = "990100-JYJ";
    public static final String YSJ = "990100-YSJ";
    public static final String SLJ = "990100-SLJ";
    public static final String PARK = "990100-GYJZQ";
    public static final String CHENGGUAN_FGJ = "990102-FGJ";
    public static final String JIANGNAN_FGJ = "990104-FGJ";

    /** Credit codes of the demo enterprise accounts qiye1 and qiye2 (valid check characters). */
    public static final String QIYE1_CREDIT_CODE = "91990100MA0000001G";
    public static final String QIYE2_CREDIT_CODE = "91990100MA0000002K";

    private DemoCity() {
    }
}
