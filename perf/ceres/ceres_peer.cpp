// Ceres Jet peer for the extended-Rosenbrock gradient and Hessian benchmarks (issue #3): the same function, the same
// chunked forward passes, measured on the same machine as the C# figures. Build and run: see perf/ceres/README.md.
#include <ceres/jet.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

// A constant of type T: double, Jet<double, N> or a nested Jet.
template <typename T>
struct Constant {
  static T Of(double v) { return T(v); }
};
template <typename T, int N>
struct Constant<ceres::Jet<T, N>> {
  static ceres::Jet<T, N> Of(double v) { return ceres::Jet<T, N>(Constant<T>::Of(v)); }
};

template <typename T>
static T Rosenbrock(const T* x, int n) {
  T sum = Constant<T>::Of(0.0);
  const T hundred = Constant<T>::Of(100.0);
  const T one = Constant<T>::Of(1.0);
  for (int i = 0; i + 1 < n; ++i) {
    T a = x[i + 1] - x[i] * x[i];
    T b = one - x[i];
    sum += hundred * a * a + b * b;
  }
  return sum;
}

// The residuals of the unchained extended Rosenbrock function (m = n, n even), as perf's JacobianBenchmarks.
template <typename T>
static void Residuals(const T* x, T* y, int n) {
  const T ten = Constant<T>::Of(10.0);
  const T one = Constant<T>::Of(1.0);
  for (int k = 0; k + 1 < n; k += 2) {
    y[k] = ten * (x[k + 1] - x[k] * x[k]);
    y[k + 1] = one - x[k];
  }
}

static volatile double sink;

// Best mean time per call (ns) over `rounds` rounds of `reps` calls each.
template <typename F>
static double BestNs(F&& f, long reps, int rounds = 15) {
  for (long i = 0; i < std::max(3L, reps / 10); ++i) f();
  double best = 1e300;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < reps; ++i) f();
    auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::nano>(t1 - t0).count() / reps);
  }
  return best;
}

template <int N>
static void Gradient(const std::vector<double>& x, std::vector<ceres::Jet<double, N>>& jets, double* g) {
  const int n = static_cast<int>(x.size());
  for (int i = 0; i < n; ++i) jets[i] = ceres::Jet<double, N>(x[i]);
  for (int start = 0; start < n; start += N) {
    const int count = std::min(N, n - start);
    for (int k = 0; k < count; ++k) jets[start + k].v[k] = 1.0;
    ceres::Jet<double, N> r = Rosenbrock(jets.data(), n);
    for (int k = 0; k < count; ++k) {
      g[start + k] = r.v[k];
      jets[start + k].v[k] = 0.0;
    }
  }
}

// Dense n × n Jacobian (row-major) of Residuals by chunked passes.
template <int N>
static void Jacobian(const std::vector<double>& x, std::vector<ceres::Jet<double, N>>& jets,
                     std::vector<ceres::Jet<double, N>>& outputs, double* jac) {
  const int n = static_cast<int>(x.size());
  for (int i = 0; i < n; ++i) jets[i] = ceres::Jet<double, N>(x[i]);
  for (int start = 0; start < n; start += N) {
    const int count = std::min(N, n - start);
    for (int k = 0; k < count; ++k) jets[start + k].v[k] = 1.0;
    Residuals(jets.data(), outputs.data(), n);
    for (int i = 0; i < n; ++i) {
      for (int k = 0; k < count; ++k) jac[i * n + start + k] = outputs[i].v[k];
    }
    for (int k = 0; k < count; ++k) jets[start + k].v[k] = 0.0;
  }
}

// Nested Jet<Jet<double, N>, N> over the block pairs (I, J), I <= J when `upper` (mirrored), every pair otherwise.
template <int N>
static void Hessian(const std::vector<double>& x, std::vector<ceres::Jet<ceres::Jet<double, N>, N>>& jets, double* h,
                    bool upper) {
  using Inner = ceres::Jet<double, N>;
  using Outer = ceres::Jet<Inner, N>;
  const int n = static_cast<int>(x.size());
  for (int bi = 0; bi < n; bi += N) {
    for (int bj = upper ? bi : 0; bj < n; bj += N) {
      for (int k = 0; k < n; ++k) {
        Inner a(x[k]);
        if (k >= bi && k < bi + N) a.v[k - bi] = 1.0;
        Outer o(a);
        if (k >= bj && k < bj + N) o.v[k - bj] = Inner(1.0);
        jets[k] = o;
      }
      Outer r = Rosenbrock(jets.data(), n);
      for (int i = bi; i < std::min(bi + N, n); ++i) {
        for (int j = bj; j < std::min(bj + N, n); ++j) {
          double value = r.v[j - bj].v[i - bi];
          h[i * n + j] = value;
          if (upper) h[j * n + i] = value;
        }
      }
    }
  }
}

// The scalar benchmark of perf/ForwardDiff.Benchmarks/DualBenchmarks.cs: f(x) = sin(x²)·eˣ/(1+x²) + log(1+x) over
// 10⁶ points in [0.05, 3), plain and with one partial (value and derivative summed, as the C# benchmark consumes both).
template <typename T>
static T Scalar(const T& x) {
  using std::exp;
  using std::log;
  using std::sin;
  T square = x * x;
  return sin(square) * exp(x) / (1.0 + square) + log(1.0 + x);
}

static void ScalarBenchmarks() {
  const int count = 1000000;
  std::vector<double> points(count);
  for (int i = 0; i < count; ++i) points[i] = 0.05 + 2.95 * i / count;
  double plain = BestNs([&] {
    double sum = 0;
    for (double x : points) sum += Scalar(x);
    sink = sum;
  }, 3, 9);
  double jet = BestNs([&] {
    double sum = 0;
    for (double x : points) {
      ceres::Jet<double, 1> r = Scalar(ceres::Jet<double, 1>(x, 0));
      sum += r.a + r.v[0];
    }
    sink = sum;
  }, 3, 9);
  std::printf("%-6s %-28s %11.1f ms %9.2fx\n", "1e6", "scalar f (double)", plain / 1e6, 1.0);
  std::printf("%-6s %-28s %11.1f ms %9.2fx\n", "1e6", "scalar Jet<double,1>", jet / 1e6, jet / plain);
}

int main(int argc, char** argv) {
  ScalarBenchmarks();
  int sizes[] = {10, 100, 1000};
  std::printf("%-6s %-28s %14s %10s\n", "n", "method", "time", "ratio");
  for (int n : sizes) {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    std::vector<double> x(n), g(n);
    for (double& v : x) v = u(rng);
    const long reps = std::max(20L, 20000000L / n);
    double f = BestNs([&] { sink = Rosenbrock(x.data(), n); }, reps * 10);
    std::printf("%-6d %-28s %11.1f ns %9.2fx\n", n, "f (double)", f, 1.0);

    std::vector<ceres::Jet<double, 1>> j1(n);
    std::vector<ceres::Jet<double, 4>> j4(n);
    std::vector<ceres::Jet<double, 8>> j8(n);
    std::vector<ceres::Jet<double, 16>> j16(n);
    auto report = [&](const char* name, double t) { std::printf("%-6d %-28s %11.1f ns %9.2fx\n", n, name, t, t / f); };
    const long greps = std::max(3L, 2000000L / (n * std::max(1, n / 16)));
    report("gradient Jet<double,16>", BestNs([&] { Gradient<16>(x, j16, g.data()); sink = g[0]; }, greps));
    report("gradient Jet<double,8>", BestNs([&] { Gradient<8>(x, j8, g.data()); sink = g[0]; }, greps));
    report("gradient Jet<double,4>", BestNs([&] { Gradient<4>(x, j4, g.data()); sink = g[0]; }, greps));
    report("gradient Jet<double,1>", BestNs([&] { Gradient<1>(x, j1, g.data()); sink = g[0]; }, std::max(3L, greps / 8)));

    if (n <= 100) {
      std::vector<double> h(static_cast<size_t>(n) * n);
      std::vector<ceres::Jet<ceres::Jet<double, 8>, 8>> hj(n);
      std::vector<ceres::Jet<ceres::Jet<double, 4>, 4>> hj4(n);
      const long hreps = std::max(3L, 2000000L / (static_cast<long>(n) * n * n / 10 + 1));
      report("hessian Jet<Jet<8>,8> upper", BestNs([&] { Hessian<8>(x, hj, h.data(), true); sink = h[0]; }, hreps));
      report("hessian Jet<Jet<8>,8> all", BestNs([&] { Hessian<8>(x, hj, h.data(), false); sink = h[0]; }, hreps));
      report("hessian Jet<Jet<4>,4> upper", BestNs([&] { Hessian<4>(x, hj4, h.data(), true); sink = h[0]; }, hreps));
      // check against the analytic Hessian's (0, 0) entry: 1200 x0^2 - 400 x1 + 2
      double expect = 1200 * x[0] * x[0] - 400 * x[1] + 2;
      if (std::abs(h[0] - expect) > 1e-9 * std::abs(expect)) { std::printf("hessian check failed\n"); return 1; }
    }
    {
      std::vector<double> y(n), jac(static_cast<size_t>(n) * n);
      std::vector<ceres::Jet<double, 8>> o8(n);
      std::vector<ceres::Jet<double, 16>> o16(n);
      double r = BestNs([&] { Residuals(x.data(), y.data(), n); sink = y[0]; }, reps * 10);
      auto jreport = [&](const char* name, double t) { std::printf("%-6d %-28s %11.1f ns %9.2fx\n", n, name, t, t / r); };
      jreport("residuals (double)", r);
      jreport("jacobian Jet<double,16>", BestNs([&] { Jacobian<16>(x, j16, o16, jac.data()); sink = jac[0]; }, greps));
      jreport("jacobian Jet<double,8>", BestNs([&] { Jacobian<8>(x, j8, o8, jac.data()); sink = jac[0]; }, greps));
      // check: ∂r₀/∂x₀ = −20 x₀, ∂r₀/∂x₁ = 10, ∂r₁/∂x₀ = −1
      if (std::abs(jac[0] + 20 * x[0]) > 1e-12 || jac[1] != 10.0 || jac[n] != -1.0) { std::printf("jacobian check failed\n"); return 1; }
    }
    // gradient check: component 0 is -400 x0 (x1 - x0^2) - 2 (1 - x0)
    Gradient<16>(x, j16, g.data());
    double expect = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]);
    if (std::abs(g[0] - expect) > 1e-12 * std::abs(expect) + 1e-12) { std::printf("gradient check failed\n"); return 1; }
  }
  return 0;
}
