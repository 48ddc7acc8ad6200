package fr.traitant.engine.campaign;

import java.util.Arrays;
import java.util.List;

/**
 * The probability that a doctor written to signs, fitted on past answers: a logistic regression
 * {@code p = 1 / (1 + exp(-(b0 + b1 x1 + … + bk xk)))}, fitted by Newton's method (iteratively reweighted least
 * squares) with a small ridge penalty on the coefficients other than the intercept, so that a feature seen in one
 * outcome only does not diverge. Deterministic.
 *
 * @param features the features' names, in the order of the coefficients after the intercept
 * @param coefficients intercept first, then one per feature
 * @param observations answers fitted on
 * @param positives signatures among them
 */
public record LogisticModel(List<String> features, double[] coefficients, int observations, int positives) {

    public LogisticModel {
        features = List.copyOf(features);
        coefficients = coefficients.clone();
        if (coefficients.length != features.size() + 1) {
            throw new IllegalArgumentException("one coefficient per feature plus the intercept");
        }
    }

    /**
     * Fits the model.
     *
     * @param x one row per answer, one column per feature
     * @param signed the answers
     * @param ridge penalty on the squared coefficients (not the intercept), e.g. 1e-3
     */
    public static LogisticModel fit(List<String> features, double[][] x, boolean[] signed, double ridge) {
        int n = x.length, k = features.size() + 1;
        if (signed.length != n) throw new IllegalArgumentException("one answer per row");
        double[] beta = new double[k];
        int positives = 0;
        for (boolean s : signed) if (s) positives++;
        // start from the base rate: the intercept alone
        double rate = Math.min(1 - 1e-6, Math.max(1e-6, (double) positives / Math.max(1, n)));
        beta[0] = Math.log(rate / (1 - rate));
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (int i = 0; i < n; i++) {
                double[] row = withIntercept(x[i], k);
                double p = sigmoid(dot(beta, row));
                double w = p * (1 - p);
                double r = (signed[i] ? 1 : 0) - p;
                for (int a = 0; a < k; a++) {
                    gradient[a] += r * row[a];
                    for (int b = 0; b <= a; b++) hessian[a][b] += w * row[a] * row[b];
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) hessian[a][b] = hessian[b][a];
                if (a > 0) {
                    gradient[a] -= ridge * n * beta[a];
                    hessian[a][a] += ridge * n;
                }
                hessian[a][a] += 1e-12; // keeps the system solvable when a column is all zero
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < k; a++) {
                beta[a] += step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < 1e-10) break;
        }
        return new LogisticModel(features, beta, n, positives);
    }

    /** Probability of signing for a doctor with these feature values (in the order of {@link #features()}). */
    public double probability(double[] values) {
        return sigmoid(dot(coefficients, withIntercept(values, coefficients.length)));
    }

    /** The odds ratio of a feature: how much one more unit multiplies the odds of signing. */
    public double oddsRatio(int feature) {
        return Math.exp(coefficients[feature + 1]);
    }

    public double intercept() {
        return coefficients[0];
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    private static double[] withIntercept(double[] values, int k) {
        if (values.length != k - 1) throw new IllegalArgumentException("expected " + (k - 1) + " feature values");
        double[] row = new double[k];
        row[0] = 1;
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Gaussian elimination with partial pivoting (the system is small: one row per feature). */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int k = rhs.length;
        double[][] a = new double[k][];
        for (int i = 0; i < k; i++) a[i] = Arrays.copyOf(matrix[i], k);
        double[] b = rhs.clone();
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            for (int r = col + 1; r < k; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < k; c++) a[r][c] -= f * a[col][c];
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < k; c++) s -= a[r][c] * x[c];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
