package org.practicepulse.reputation;

import java.util.List;

/**
 * A domain vocabulary's say in how single tokens count, applied around VADER's own rules (which it
 * never changes). Tokens are VADER's ({@link VaderTokens#lower()}): whitespace-separated, lower-cased,
 * edge punctuation stripped (emoticons kept whole), elongated words reduced ("paaain" -> "pain").
 */
public interface ValenceAdjustment {

    /** Plain VADER. */
    ValenceAdjustment NONE = new ValenceAdjustment() {
    };

    /**
     * Per token, the lexicon valence to use instead of the lexicon's: null keeps the lexicon, 0.0
     * makes the token carry no sentiment at all (it is then neither boosted, negated nor capitalised).
     */
    default Double[] wordValences(List<String> tokens) {
        return new Double[tokens.size()];
    }

    /** A last look at the per-token sentiments (after "but" weighting), before they are summed. */
    default void adjustSentiments(List<String> tokens, double[] sentiments) {
    }
}
