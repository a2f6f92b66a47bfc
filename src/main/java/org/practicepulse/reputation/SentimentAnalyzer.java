package org.practicepulse.reputation;

import jakarta.enterprise.context.ApplicationScoped;

/** The sentiment of review texts: VADER with the clinical vocabulary (see {@link ClinicalVocabulary}). */
@ApplicationScoped
public class SentimentAnalyzer {

    private final VaderSentiment vader;
    private final ValenceAdjustment adjustment;

    public SentimentAnalyzer() {
        this(VaderLexicon.bundled(), true);
    }

    /** With {@code clinical} false: plain VADER, for measuring what the clinical vocabulary changes. */
    public SentimentAnalyzer(VaderLexicon lexicon, boolean clinical) {
        this.vader = new VaderSentiment(lexicon);
        this.adjustment = clinical ? new ClinicalVocabulary(lexicon) : ValenceAdjustment.NONE;
    }

    /** A null or blank text is neutral (rating-only reviews have no text). */
    public Sentiment analyze(String text) {
        return Sentiment.of(text == null ? 0.0 : vader.compound(text, adjustment));
    }
}
