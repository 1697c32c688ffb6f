package org.cailab.rating;

/**
 * Parameters of online Elo.
 *
 * @param k       step size: the most a rating moves in one battle is {@code k}
 * @param base    logistic base (10 in chess and the arena)
 * @param scale   rating difference that multiplies the odds by {@code base} (400)
 * @param initial rating of a model before its first battle
 */
public record EloSettings(double k, double base, double scale, double initial) {

    public EloSettings {
        if (!(k > 0) || !(base > 1) || !(scale > 0) || !Double.isFinite(initial)) {
            throw new IllegalArgumentException(
                    "bad Elo settings: k=" + k + " base=" + base + " scale=" + scale + " initial=" + initial);
        }
    }

    /** The chatbot-arena convention: K=4, base 10, scale 400, start at 1000. */
    public static EloSettings arena() {
        return new EloSettings(4, 10, 400, 1000);
    }

    /** A copy with another K. */
    public EloSettings withK(double newK) {
        return new EloSettings(newK, base, scale, initial);
    }

    /** Expected score of a model rated {@code diff} points above its opponent. */
    public double expectedScore(double diff) {
        return 1 / (1 + Math.pow(base, -diff / scale));
    }

    /** Rating points per unit of the natural-log odds ({@code scale / ln base}, about 173.7 for 400 and 10). */
    public double pointsPerLogit() {
        return scale / Math.log(base);
    }
}
