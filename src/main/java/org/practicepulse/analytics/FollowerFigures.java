package org.practicepulse.analytics;

/**
 * Followers of a period, summed over accounts: the total at its end, the net change, and the
 * growth-rate pair (change / followers at the start) over the accounts whose start is known.
 */
public record FollowerFigures(Long followers, Long gained, Long rateGained, Long rateStart) {

    public static final FollowerFigures NONE = new FollowerFigures(null, null, null, null);

    FollowerFigures plus(FollowerFigures o) {
        return new FollowerFigures(PostTotals.add(followers, o.followers), PostTotals.add(gained, o.gained),
                PostTotals.add(rateGained, o.rateGained), PostTotals.add(rateStart, o.rateStart));
    }
}
