package org.practicepulse.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SentimentLabelTest {

    @Test
    void labelsFollowVadersCutOffs() {
        assertEquals(SentimentLabel.POSITIVE, SentimentLabel.of(0.05));
        assertEquals(SentimentLabel.NEUTRAL, SentimentLabel.of(0.0499));
        assertEquals(SentimentLabel.NEUTRAL, SentimentLabel.of(0.0));
        assertEquals(SentimentLabel.NEUTRAL, SentimentLabel.of(-0.0499));
        assertEquals(SentimentLabel.NEGATIVE, SentimentLabel.of(-0.05));
        assertEquals("negative", SentimentLabel.NEGATIVE.id());
    }

    @Test
    void textWithoutWordsIsNeutral() {
        SentimentAnalyzer analyzer = new SentimentAnalyzer();
        assertEquals(new Sentiment(0.0, SentimentLabel.NEUTRAL), analyzer.analyze(null));
        assertEquals(new Sentiment(0.0, SentimentLabel.NEUTRAL), analyzer.analyze(""));
    }
}
