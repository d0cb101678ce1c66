package argus;

/** Small dense linear systems, solved where they arise: least-squares fits of a few parameters. */
public final class LinearEquations {
    private LinearEquations() {}

    /** The solution of {@code matrix × x = vector} by Gaussian elimination with partial pivoting (0 where singular). */
    public static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(matrix[i], 0, m[i], 0, n);
            m[i][n] = vector[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                pivot = Math.abs(m[r][c]) > Math.abs(m[pivot][c]) ? r : pivot;
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            for (int r = c + 1; r < n; r++) {
                double factor = m[c][c] == 0 ? 0 : m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= factor * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int k = r + 1; k < n; k++) {
                sum -= m[r][k] * x[k];
            }
            x[r] = m[r][r] == 0 ? 0 : sum / m[r][r];
        }
        return x;
    }
}
