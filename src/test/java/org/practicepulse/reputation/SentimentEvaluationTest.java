package org.practicepulse.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Pearson r between our compound score and the mean human rating, over every line of VADER's own
 * ground-truth files (Hutto &amp; Gilbert 2014), kept in ../shared/eval/sentiment. The floors are the
 * issue's: the reference implementation's figures, npm vader-sentiment 1.1.3 (compound score vs.
 * the human mean, all lines): 0.5717 on the Amazon review snippets, 0.8793 on the tweets. We
 * measured them with that package in a scratch directory (npm install vader-sentiment@1.1.3, one
 * polarity_scores(text).compound per line).
 *
 * <p>Measured: amazon 0.58985, tweets 0.88018; the clinical vocabulary changes neither at five
 * decimals. A faithful port of vaderSentiment 3.3.2 scores 0.5896 and 0.8722 here: the deviations listed in {@link VaderSentiment} lift the tweets
 * past the reference. On samples of VADER's two other ground-truth files (not bundled; the first
 * and a middle page of each, 243 movie-review and 276 editorial snippets) the deviations moved
 * r from 0.470 to 0.472 (movie reviews) and from 0.474 to 0.468 (NYT editorials, one sentence of
 * four "no"s accounts for most of it); npm 1.1.3 scores 0.469 and 0.453 on the same samples.
 */
class SentimentEvaluationTest {

    static final double AMAZON_FLOOR = 0.572;
    static final double TWEETS_FLOOR = 0.879;

    private static final Path EVAL = Path.of("..", "shared", "eval", "sentiment");

    record Rated(double humanMean, String text) {
    }

    @Test
    void correlatesWithHumanRatingsOfAmazonReviewSnippets() throws IOException {
        List<Rated> lines = read("amazonReviewSnippets_GroundTruth.txt");
        assertEquals(3708, lines.size());
        assertCorrelation("amazonReviewSnippets", lines, AMAZON_FLOOR);
    }

    @Test
    void correlatesWithHumanRatingsOfTweets() throws IOException {
        List<Rated> lines = read("tweets_GroundTruth.txt");
        assertEquals(4200, lines.size());
        assertCorrelation("tweets", lines, TWEETS_FLOOR);
    }

    private static void assertCorrelation(String name, List<Rated> lines, double floor) {
        double vader = pearson(lines, new SentimentAnalyzer(VaderLexicon.bundled(), false));
        double clinical = pearson(lines, new SentimentAnalyzer(VaderLexicon.bundled(), true));
        System.out.printf("sentiment evaluation %s: %d lines, Pearson r = %.5f (VADER), %.5f (with the clinical vocabulary)%n",
                name, lines.size(), vader, clinical);
        assertTrue(vader >= floor, name + ": r = " + vader + " < " + floor);
        assertTrue(clinical >= floor, name + " with the clinical vocabulary: r = " + clinical + " < " + floor);
    }

    static double pearson(List<Rated> lines, SentimentAnalyzer analyzer) {
        int n = lines.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            x[i] = analyzer.analyze(lines.get(i).text()).score();
            y[i] = lines.get(i).humanMean();
            meanX += x[i] / n;
            meanY += y[i] / n;
        }
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < n; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }

    /** Lines of "id TAB mean human rating TAB text". */
    private static List<Rated> read(String name) throws IOException {
        Path file = EVAL.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "skipped: " + file.toAbsolutePath().normalize()
                + " is absent (the shared evaluation files sit beside the project only in the team's workspace)");
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                .map(line -> line.split("\t", 3)).map(fields -> new Rated(Double.parseDouble(fields[1]), fields[2])).toList();
    }
}
