package cn.luoshi.speech.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which sentences deploy work, for openings that frame the work before naming it. */
class DirectiveLanguageTest {

    @Test
    void aPlaceBeforeTheActionStillDeploys() {
        assertThat(DirectiveLanguage.isDeployment("在X市距离花湖机场最近的还地桥镇布局建设临空产业区，重点发展临空制造。")).isTrue();
        assertThat(DirectiveLanguage.isDeployment("在城南片区新建三所中小学校，缓解入学难题。")).isTrue();
    }

    @Test
    void aPlanToFollowBeforeTheActionStillDeploys() {
        assertThat(DirectiveLanguage.isDeployment("按照“西融X、北接花湖机场、东连X九江”的思路，大力推进区域交通互联互通。")).isTrue();
        assertThat(DirectiveLanguage.isDeployment("根据省委关于县域经济高质量发展的部署要求，统筹推进强县工程。")).isTrue();
    }

    @Test
    void aFrameWithoutAnActionIsNarration() {
        assertThat(DirectiveLanguage.isDeployment("在全市上下的共同努力下，经济运行稳中向好，主要指标好于预期。")).isFalse();
        assertThat(DirectiveLanguage.isDeployment("按照往年的经验，四季度是项目集中开工的时候。")).isFalse();
        // the action in the progressive is what is happening, not what is asked
        assertThat(DirectiveLanguage.isDeployment("在我们正在推进的城市更新中，老旧小区占了大头。")).isFalse();
        // completed work stays narration whatever frames it
        assertThat(DirectiveLanguage.isDeployment("在还地桥镇布局建设了临空产业区。")).isFalse();
    }
}
