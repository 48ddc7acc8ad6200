package fr.traitant.engine.accessibility.internal;

import java.util.Arrays;

/**
 * Weighted commune → commune neighbour lists in compressed sparse rows: row {@code i} holds the
 * columns {@code column[rowStart[i] .. rowStart[i+1]-1]} with their weights. Immutable once built.
 */
public final class NeighbourTable {

    private final int[] rowStart;
    private final int[] column;
    private final double[] weight;

    private NeighbourTable(int[] rowStart, int[] column, double[] weight) {
        this.rowStart = rowStart;
        this.column = column;
        this.weight = weight;
    }

    public int rows() {
        return rowStart.length - 1;
    }

    public int entries() {
        return column.length;
    }

    public int start(int row) {
        return rowStart[row];
    }

    public int end(int row) {
        return rowStart[row + 1];
    }

    public int column(int entry) {
        return column[entry];
    }

    public double weight(int entry) {
        return weight[entry];
    }

    /** Weighted sum {@code Σ weight · values[column]} over one row, in row order. */
    public double weightedSum(int row, double[] values) {
        double sum = 0;
        for (int k = rowStart[row], end = rowStart[row + 1]; k < end; k++) {
            sum += weight[k] * values[column[k]];
        }
        return sum;
    }

    /** The transposed table (rows become columns), rows' entries in increasing column order. */
    public NeighbourTable transpose() {
        int n = rows();
        int[] start = new int[n + 1];
        for (int c : column) {
            start[c + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] col = new int[column.length];
        double[] w = new double[column.length];
        for (int r = 0; r < n; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int at = fill[column[k]]++;
                col[at] = r;
                w[at] = weight[k];
            }
        }
        return new NeighbourTable(start, col, w);
    }

    /** Appends rows one after the other. */
    public static final class Builder {
        private final int[] rowStart;
        private int[] column;
        private double[] weight;
        private int size;
        private int rowsDone;

        public Builder(int rows, int expectedEntries) {
            this.rowStart = new int[rows + 1];
            this.column = new int[Math.max(16, expectedEntries)];
            this.weight = new double[column.length];
        }

        /** Adds an entry to the current row. */
        public void add(int col, double w) {
            if (size == column.length) {
                int capacity = column.length + (column.length >> 1);
                column = Arrays.copyOf(column, capacity);
                weight = Arrays.copyOf(weight, capacity);
            }
            column[size] = col;
            weight[size] = w;
            size++;
        }

        /** Closes the current row and moves to the next one. */
        public void endRow() {
            rowsDone++;
            rowStart[rowsDone] = size;
        }

        public NeighbourTable build() {
            if (rowsDone != rowStart.length - 1) {
                throw new IllegalStateException("built " + rowsDone + " rows of " + (rowStart.length - 1));
            }
            return new NeighbourTable(rowStart, Arrays.copyOf(column, size), Arrays.copyOf(weight, size));
        }
    }
}
