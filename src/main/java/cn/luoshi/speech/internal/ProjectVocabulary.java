package cn.luoshi.speech.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.speech.ProjectKind;

/** The words that end a project name, the words that stop it on the left, and the words too generic to name one. */
final class ProjectVocabulary {

    /** Name endings, longest first, with what they denote. */
    static final Map<String, ProjectKind> SUFFIXES = suffixes();
    /** Name endings by their first character, longest first. */
    private static final Map<Character, List<String>> BY_FIRST_CHARACTER = byFirstCharacter();
    /** May follow a name ending: "铜霞路一期改扩建". */
    static final List<String> QUALIFIERS = List.of("一期", "二期", "三期", "四期", "改扩建", "提质改造", "扩建", "改造");
    /** Words that may follow a name without being part of it. */
    static final List<String> FOLLOWERS = List.of("建设", "等", "的", "和", "与", "及", "为", "是", "在", "已", "将", "于", "以及",
            "基础", "开工", "竣工", "全线", "通车", "落地", "签约", "启动", "建成", "投产", "迁入", "协同", "有序", "提质", "扩容",
            "运营", "加快", "尽快", "年内", "年底", "早日", "全面", "顺利", "按期", "如期", "东部", "西部", "南部", "北部", "核心区", "生态", "项目", "工程", "、", "综合");
    /** Words in front of a name: verbs, prepositions, conjunctions. */
    static final List<String> STOPS = List.of("做大做强", "重点建设好", "建设好", "参观了", "目前拥有", "打造成", "推进", "加快", "建设",
            "建成", "打造", "实施", "完成", "启动", "抓好", "建强", "用好", "布局", "对接", "包括", "以及", "跟进", "紧密", "重点",
            "突出", "加强", "推动", "开工", "签约", "拥有", "位于", "引进", "进一步", "优化", "完善", "构建", "谋划", "争取", "开通",
            "支持", "确保", "围绕", "聚焦", "依托", "利用", "申报", "创建", "争创", "筹建", "新建", "续建", "提升", "整合", "着力",
            "大力", "积极", "全力", "统筹", "扎实", "深入", "持续", "加速", "共建", "携手", "抓紧", "编制", "启用", "北接", "东连",
            "西融", "迈向", "成为", "搞好", "做好", "今天", "还有", "还是", "留住", "扩大", "运作", "解决", "规划", "建立", "探索", "发挥",
            "注重", "提高", "协调", "可以", "还要", "坚持", "始终", "带动", "作为", "实现", "形成", "提供", "促进", "开展", "落实",
            "整治", "保护", "参加", "参与", "组织", "办好", "以上", "一大批", "一批", "大批", "最大", "了", "和", "与", "及", "等", "的", "在",
            "对", "把", "将", "为", "是", "到", "向", "从", "由", "使", "让", "接", "连", "以", "或", "及其");
    /** Words that do not name anything on their own: "重点项目", "环境治理项目", "区域性人才中心". */
    static final Set<String> GENERIC = Set.of("重点", "重大", "一批", "一大批", "这项", "该", "此", "这", "这些", "那些", "各类",
            "各项", "各级", "相关", "有关", "其他", "其它", "国家", "国家级", "省级", "市级", "县级", "区级", "省", "市", "区", "县",
            "全国", "全省", "全市", "全区", "全球", "亚洲", "世界", "大", "小", "新", "老", "旧", "好", "优质", "优势", "现代", "现代化",
            "传统", "新兴", "战略性", "未来", "高新", "技术", "科技", "高新技术", "高科技", "亿元", "万元", "百亿", "千亿", "级", "以上",
            "一些", "多个", "系列", "系统", "工作", "建设", "发展", "改造", "提升", "提质", "实体", "经济", "教育", "卫生", "医疗",
            "体育", "文化", "管理", "平台", "重要", "本地", "大型", "中型", "小型", "高质量", "十大", "两大", "三大", "四大", "五大",
            "人才", "互联网", "制造业", "制造", "先进", "创新", "创业", "孵化", "物流", "商贸", "会展", "金融", "总部", "研发", "检测",
            "服务", "服务业", "现代服务业", "培训", "运营", "数据", "大数据", "信息", "电子", "生物", "医药", "新能源", "新材料",
            "装备", "高端", "特色", "精品", "产业化", "绿色", "低碳", "循环", "智慧", "智能", "数字", "文旅", "旅游", "休闲", "康养",
            "养老", "农业", "示范", "试点", "主要", "关键", "核心", "骨干", "龙头", "标志性", "基础", "设施", "基础设施", "配套",
            "公共", "民生", "社会", "事业", "环境", "生态", "治理", "节能", "减排", "污染", "防治", "水利", "能源", "交通", "城市",
            "城乡", "乡村", "农村", "乡镇", "县域", "区域", "区域性", "综合", "综合性", "功能", "集聚", "聚集", "产业", "工业", "企业",
            "中小企业", "民营", "外资", "招商", "引资", "项目", "工程", "在建", "新建", "续建", "拟建", "示范性", "引领性", "支撑性",
            "基础性", "老工业", "集中", "国际", "开放", "合作", "单体", "综合交通", "重要节点", "集群", "工业化", "信息化", "个",
            "研究", "工程技术", "企业技术", "生产", "加工", "精深", "深加工", "或",
            "类", "种", "全", "各", "一", "型", "性", "化");

    private ProjectVocabulary() {
    }

    private static Map<Character, List<String>> byFirstCharacter() {
        Map<Character, List<String>> map = new java.util.HashMap<>();
        for (String suffix : SUFFIXES.keySet()) {
            map.computeIfAbsent(suffix.charAt(0), c -> new java.util.ArrayList<>()).add(suffix);
        }
        map.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(String::length).reversed()));
        return Map.copyOf(map);
    }

    private static Map<String, ProjectKind> suffixes() {
        Map<String, ProjectKind> map = new LinkedHashMap<>();
        for (String s : List.of("高速公路", "城际铁路", "轨道交通", "快速路", "立交桥", "高速", "大道", "立交", "大桥", "隧道", "铁路",
                "高铁", "航道", "码头", "港区", "新港", "机场", "枢纽", "港", "路")) {
            map.put(s, ProjectKind.TRANSPORT);
        }
        for (String s : List.of("产业园区", "产业园", "科技园", "工业园", "创新园", "园区", "基地", "小镇", "科技城", "科学城", "职教城",
                "大学城", "科创城", "物流城", "汽车城", "商贸城", "新城", "示范区", "开发区", "高新区", "产业区", "商务区", "集聚区",
                "聚集区", "试验区", "保税区", "自贸区", "协同区", "工业区", "集中区", "大走廊", "走廊", "长廊", "园")) {
            map.put(s, ProjectKind.PARK);
        }
        for (String s : List.of("处理厂", "研究院", "实验室", "综合体", "体育馆", "图书馆", "博物馆", "医院", "中心", "广场", "电站",
                "水厂", "厂")) {
            map.put(s, ProjectKind.FACILITY);
        }
        map.put("工程", ProjectKind.WORKS);
        map.put("项目", ProjectKind.PROJECT);
        return map;
    }

    /** The longest name ending starting at i, or null. */
    static String suffixAt(String text, int i) {
        if (i >= text.length()) {
            return null;
        }
        List<String> candidates = BY_FIRST_CHARACTER.get(text.charAt(i));
        if (candidates == null) {
            return null;
        }
        for (String suffix : candidates) {
            if (MarkerScanner.startsWith(text, i, suffix)) {
                return suffix;
            }
        }
        return null;
    }

    /** Whether the words can be read entirely as generic vocabulary (and numbers or placeholders). */
    static boolean isGeneric(String words) {
        int i = 0;
        outer:
        while (i < words.length()) {
            char c = words.charAt(i);
            if (Chars.isDigit(c) || ChineseNumbers.isNumberChar(c) || Placeholders.isPlaceholderChar(c) || Chars.isPunctuation(c)) {
                i++;
                continue;
            }
            for (int length = Math.min(6, words.length() - i); length > 0; length--) {
                if (GENERIC.contains(words.substring(i, i + length))) {
                    i += length;
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }
}
