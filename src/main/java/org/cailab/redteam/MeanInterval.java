package org.cailab.redteam;

/**
 * The 95% confidence interval of a mean rating: mean ± t(0.975, n - 1) · s / √n, Student's t interval. Ratings are
 * bounded (0..4) and discrete, but per-snapshot samples of red-team attempts are usually in the dozens to thousands,
 * where the t interval is accurate enough and, unlike a bootstrap, reproducible. Undefined for fewer than two ratings.
 */
final class MeanInterval {

    private MeanInterval() {
    }

    /** Half the width of the 95% interval; NaN for n < 2. */
    static double halfWidth95(long n, double sd) {
        if (n < 2) {
            return Double.NaN;
        }
        return tQuantile975(n - 1) * sd / Math.sqrt(n);
    }

    /** The 0.975 quantile of Student's t distribution with {@code df} degrees of freedom, by bisection on the CDF. */
    static double tQuantile975(long df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, was " + df);
        }
        double low = 0;
        double high = 700; // t(0.975, 1) is 12.7; the bound only has to be above it
        for (int i = 0; i < 200 && high - low > 1e-10; i++) {
            double mid = (low + high) / 2;
            if (upperTail(mid, df) > 0.025) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** P(T > t) for t >= 0: half the regularised incomplete beta function I_x(df/2, 1/2) with x = df / (df + t²). */
    static double upperTail(double t, double df) {
        double x = df / (df + t * t);
        return 0.5 * regularizedBeta(x, df / 2, 0.5);
    }

    /** I_x(a, b) by its continued fraction (modified Lentz), as in Numerical Recipes' betai. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9), accurate to about 15 digits. */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = g[0];
        for (int i = 1; i < g.length; i++) {
            sum += g[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
