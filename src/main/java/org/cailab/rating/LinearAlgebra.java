package org.cailab.rating;

/** The one dense solve the Newton step needs. */
final class LinearAlgebra {

    private LinearAlgebra() {}

    /**
     * Solves {@code a x = b} for symmetric positive definite {@code a} by Cholesky; {@code a} is
     * overwritten.
     *
     * @throws ArithmeticException if {@code a} is not positive definite
     */
    static double[] solveSpd(double[][] a, double[] b) {
        int n = b.length;
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= a[j][k] * a[j][k];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite at column " + j);
            }
            a[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / a[j][j];
            }
        }
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                x[i] -= a[i][k] * x[k];
            }
            x[i] /= a[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int k = i + 1; k < n; k++) {
                x[i] -= a[k][i] * x[k];
            }
            x[i] /= a[i][i];
        }
        return x;
    }
}
