/**
 * Logistic regression by Newton's method (iteratively reweighted least
 * squares) with a small L2 penalty: a few dozen lines, exact, and fast for a
 * handful of features over some hundred thousand rows.
 */

/** Fitted coefficients: one weight per feature, and the bias. */
export interface LogisticModel {
  weights: number[];
  bias: number;
}

/** Options of `fitLogistic`, with their defaults. */
export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias). Default 1e-3 per row. */
  l2: number;
  /** Newton steps. Default 25. */
  iterations: number;
  /** Weight of a positive row relative to a negative one (class balance). Default 1. */
  positiveWeight: number;
}

/** Solves A x = b for a small symmetric positive-definite A (Gaussian elimination with partial pivoting). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      if (f) for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i] || 1e-12));
}

/**
 * Fits P(y = 1 | x) = sigmoid(w·x + b).
 * @param rows feature vectors, all of the same length
 * @param labels 1 or 0 per row
 */
export function fitLogistic(rows: readonly number[][], labels: readonly number[], options: Partial<LogisticOptions> = {}): LogisticModel {
  const d = rows[0]?.length ?? 0;
  const l2 = (options.l2 ?? 1e-3) * rows.length;
  const posWeight = options.positiveWeight ?? 1;
  let beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < (options.iterations ?? 25); it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    rows.forEach((x, r) => {
      let z = beta[d]!;
      for (let i = 0; i < d; i++) z += beta[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const w = labels[r] ? posWeight : 1;
      const g = w * (labels[r]! - p);
      const h = w * p * (1 - p);
      for (let i = 0; i <= d; i++) {
        const xi = i === d ? 1 : x[i]!;
        grad[i]! += g * xi;
        for (let j = i; j <= d; j++) hess[i]![j]! += h * xi * (j === d ? 1 : x[j]!);
      }
    });
    for (let i = 0; i <= d; i++) for (let j = 0; j < i; j++) hess[i]![j] = hess[j]![i]!;
    for (let i = 0; i < d; i++) {
      grad[i]! -= l2 * beta[i]!;
      hess[i]![i]! += l2;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, i) => b + step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return { weights: beta.slice(0, d), bias: beta[d]! };
}

/**
 * Listwise fit (conditional logit): for each question, the softmax over its
 * candidates' scores w·x should put its mass on the candidates that hold the
 * answer. Optimises ranking directly; the scale of the scores is then
 * calibrated into probabilities with `fitLogistic` on the single score (Platt scaling).
 * @param groups per question: candidate feature rows and their labels (at least one 1)
 */
/** Longest listwise step per weight and iteration. */
const MAX_STEP = 2;

export function fitListwise(groups: readonly { rows: number[][]; labels: number[] }[], options: Partial<LogisticOptions> = {}): number[] {
  const d = groups[0]?.rows[0]?.length ?? 0;
  const l2 = (options.l2 ?? 1e-3) * groups.length;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < (options.iterations ?? 40); it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const g of groups) {
      const z = g.rows.map((x) => x.reduce((s, v, i) => s + v * w[i]!, 0));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const total = e.reduce((a, b) => a + b, 0);
      const pos = e.reduce((a, v, i) => a + (g.labels[i] ? v : 0), 0);
      // Gradient of log(sum over positives of p) = E_positive[x] - E_all[x]; Hessian = Cov_positive - Cov_all.
      const meanAll = new Array<number>(d).fill(0);
      const meanPos = new Array<number>(d).fill(0);
      g.rows.forEach((x, r) => {
        const pa = e[r]! / total;
        const pp = g.labels[r] ? e[r]! / pos : 0;
        for (let i = 0; i < d; i++) {
          meanAll[i]! += pa * x[i]!;
          meanPos[i]! += pp * x[i]!;
        }
      });
      for (let i = 0; i < d; i++) grad[i]! += meanPos[i]! - meanAll[i]!;
      g.rows.forEach((x, r) => {
        const pa = e[r]! / total;
        for (let i = 0; i < d; i++) {
          const ai = x[i]! - meanAll[i]!;
          for (let j = i; j < d; j++) hess[i]![j]! += pa * ai * (x[j]! - meanAll[j]!);
        }
      });
    }
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) hess[i]![j] = hess[j]![i]!;
    // With several positives the objective is not concave, so the step uses Cov_all alone
    // (positive definite: always an ascent direction), capped in length.
    const neg = hess.map((row, i) => row.map((v, j) => v + (i === j ? l2 : 0)));
    let step = solve(neg, grad.map((g, i) => g - l2 * w[i]!));
    const longest = Math.max(...step.map(Math.abs));
    if (longest > MAX_STEP) step = step.map((v) => (v * MAX_STEP) / longest);
    w = w.map((v, i) => v + step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return w;
}
