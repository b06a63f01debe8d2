package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Titles, occasions and speakers of the seeds, past the web page furniture around them. */
class SeedTitleTest {

    @Test
    void seed000TitleFollowsTheSiteNameAndABookmarkTag() {
        SpeechExtraction result = Speeches.extract(Speeches.SEED_000);
        assertThat(result.title()).isEqualTo("在XX▪XX两市情况交流会上的讲话");
        assertThat(result.occasion()).isEqualTo("XX▪XX两市情况交流会");
        assertThat(result.speakerRole()).isNull();
    }

    @Test
    void seed001NamesTheSpeakerAndTheMeeting() {
        SpeechExtraction result = Speeches.extract(Speeches.SEED_001);
        assertThat(result.title()).isEqualTo("市委书记在都市圈建设重点工作推进会上的讲话");
        assertThat(result.occasion()).isEqualTo("都市圈建设重点工作推进会");
        assertThat(result.speakerRole()).isEqualTo("市委书记");
    }

    @Test
    void seed002TitleAfterTheBreadcrumb() {
        SpeechExtraction result = Speeches.extract(Speeches.SEED_002);
        assertThat(result.title()).isEqualTo("市长在全市“122”重点技改项目暨乡镇工业集中区工作推进会上的讲话");
        assertThat(result.occasion()).isEqualTo("全市“122”重点技改项目暨乡镇工业集中区工作推进会");
        assertThat(result.speakerRole()).isEqualTo("市长");
    }

    @Test
    void seed003TitleBrokenOverTwoLinesIsJoined() {
        SpeechExtraction result = Speeches.extract(Speeches.SEED_003);
        assertThat(result.title()).isEqualTo("在2025年全市上半年重点工作总结暨下半年工作部署会议上的讲话");
        assertThat(result.occasion()).isEqualTo("2025年全市上半年重点工作总结暨下半年工作部署会议");
        assertThat(result.speakerRole()).isNull();
    }

    @Test
    void seed004HasNoTitle() {
        SpeechExtraction result = Speeches.extract(Speeches.SEED_004);
        assertThat(result.title()).isNull();
        assertThat(result.occasion()).isNull();
        assertThat(result.speakerRole()).isNull();
    }
}
