package cn.luoshi.appeal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.luoshi.org.DemoCity;

/** Builders for appeal request bodies with distinct content, so duplicate detection never joins two tests. */
final class AppealSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String[] TOPICS = {"厂房二期用地指标迟迟未批复", "新增生产线用电增容申请排队", "技改贷款贴息资金尚未到账",
            "环评批复进度缓慢影响开工", "熟练焊工招聘困难希望对接职校", "高新技术企业奖励政策如何兑现", "园区道路破损货车通行困难",
            "出口退税办理周期较长", "天然气管道接入费用过高", "消防验收需要多次往返"};

    private AppealSupport() {
    }

    /** Thirty pseudo-random CJK characters: unrelated texts share almost no character pairs. */
    static String noise(int seed) {
        java.util.Random random = new java.util.Random(seed * 7919L);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.appendCodePoint(0x4E00 + random.nextInt(0x5000));
        }
        return text.toString();
    }

    /** A public filing for the demo enterprise 1 with a unique, recognisable content. */
    static Map<String, Object> publicAppeal(String category, String marker) {
        int n = SEQ.incrementAndGet();
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", DemoCity.QIYE1_CREDIT_CODE);
        body.put("enterpriseName", "示例重工机械有限公司");
        body.put("contactName", "王经理");
        body.put("contactPhone", "0714-6200" + String.format("%03d", n % 1000));
        body.put("categoryCode", category);
        body.put("title", TOPICS[n % TOPICS.length] + " " + marker);
        body.put("content", marker + "：" + noise(n) + "。编号" + n);
        return body;
    }
}
