using MathNet.Numerics.LinearAlgebra;

namespace ForwardDiff.LinearAlgebra;

/// <summary>
/// Overloads of the core <see cref="AutoDiff"/> verbs that take and return MathNet types, for functions written once
/// with scalar duals (<see cref="IMultivariateFunction"/>, <see cref="IVectorFunction"/> or the quick lambda forms):
/// <c>AutoDiff.Gradient(f, vector)</c> returns a <see cref="Vector{T}"/>, <c>AutoDiff.Jacobian</c> and
/// <c>AutoDiff.Hessian</c> a <see cref="Matrix{T}"/>.
/// </summary>
/// <remarks>
/// These are C# 14 static extension members of <see cref="AutoDiff"/>; they copy the point into a span, call the
/// chunked core verb and wrap its array without a further copy. The Jacobian is rows-are-outputs (J[i, j] = ∂yᵢ/∂xⱼ),
/// the transpose of the textbook's ∇ₓy.
/// </remarks>
public static class AutoDiffMathNetExtensions
{
    extension(AutoDiff)
    {
        /// <summary>∇f(x) of a scalar function written once on generic numbers, as a MathNet vector.</summary>
        /// <typeparam name="TFunction">The function type (ideally a struct).</typeparam>
        /// <param name="function">f: ℝⁿ → ℝ.</param>
        /// <param name="x">The point.</param>
        /// <returns>∂f/∂xⱼ.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
        public static Vector<double> Gradient<TFunction>(TFunction function, Vector<double> x)
            where TFunction : IMultivariateFunction
        {
            ArgumentNullException.ThrowIfNull(x);
            return Vector<double>.Build.Dense(AutoDiff.Gradient<double, TFunction>(function, x.ToArray()));
        }

        /// <summary>∇f(x) of a lambda over 8-partial chunked duals, as a MathNet vector.</summary>
        /// <param name="function">f over <c>ChunkDual&lt;double, Partials8&lt;double&gt;&gt;</c>.</param>
        /// <param name="x">The point.</param>
        /// <returns>∂f/∂xⱼ.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static Vector<double> Gradient(MultivariateFunc<ChunkDual<double, Partials8<double>>> function, Vector<double> x)
        {
            ArgumentNullException.ThrowIfNull(x);
            return Vector<double>.Build.Dense(AutoDiff.Gradient(function, (ReadOnlySpan<double>)x.ToArray()));
        }

        /// <summary>
        /// ∇f(x) of a lambda over register-resident 8-partial chunked duals, as a MathNet vector. C# prefers this overload
        /// to the <c>Partials8</c> one (same results, 10–17× faster; see the core <c>AutoDiff.Gradient</c> lambda overloads).
        /// </summary>
        /// <param name="function">f over <c>ChunkDual&lt;double, Vector256Partials2&lt;double&gt;&gt;</c>.</param>
        /// <param name="x">The point.</param>
        /// <returns>∂f/∂xⱼ.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
        public static Vector<double> Gradient(MultivariateFunc<ChunkDual<double, Vector256Partials2<double>>> function, Vector<double> x)
        {
            ArgumentNullException.ThrowIfNull(x);
            return Vector<double>.Build.Dense(AutoDiff.Gradient(function, (ReadOnlySpan<double>)x.ToArray()));
        }

        /// <summary>The rows-are-outputs Jacobian J[i, j] = ∂yᵢ/∂xⱼ (m×n) of a vector function written once on generic numbers.</summary>
        /// <typeparam name="TFunction">The function type (ideally a struct).</typeparam>
        /// <param name="function">f: ℝⁿ → ℝᵐ.</param>
        /// <param name="x">The point.</param>
        /// <returns>The m×n Jacobian.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
        public static Matrix<double> Jacobian<TFunction>(TFunction function, Vector<double> x)
            where TFunction : IVectorFunction
        {
            ArgumentNullException.ThrowIfNull(x);
            return Matrix<double>.Build.DenseOfArray(AutoDiff.Jacobian<double, TFunction>(function, x.ToArray()));
        }

        /// <summary>The rows-are-outputs Jacobian of a lambda over 8-partial chunked duals writing m outputs.</summary>
        /// <param name="function">f over <c>ChunkDual&lt;double, Partials8&lt;double&gt;&gt;</c>.</param>
        /// <param name="x">The point.</param>
        /// <param name="outputLength">m.</param>
        /// <returns>The m×n Jacobian.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static Matrix<double> Jacobian(VectorFunc<ChunkDual<double, Partials8<double>>> function, Vector<double> x, int outputLength)
        {
            ArgumentNullException.ThrowIfNull(x);
            return Matrix<double>.Build.DenseOfArray(AutoDiff.Jacobian(function, (ReadOnlySpan<double>)x.ToArray(), outputLength));
        }

        /// <summary>
        /// The rows-are-outputs Jacobian of a lambda over register-resident 8-partial chunked duals writing m outputs. C#
        /// prefers this overload to the <c>Partials8</c> one.
        /// </summary>
        /// <param name="function">f over <c>ChunkDual&lt;double, Vector256Partials2&lt;double&gt;&gt;</c>.</param>
        /// <param name="x">The point.</param>
        /// <param name="outputLength">m.</param>
        /// <returns>The m×n Jacobian.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
        public static Matrix<double> Jacobian(VectorFunc<ChunkDual<double, Vector256Partials2<double>>> function, Vector<double> x, int outputLength)
        {
            ArgumentNullException.ThrowIfNull(x);
            return Matrix<double>.Build.DenseOfArray(AutoDiff.Jacobian(function, (ReadOnlySpan<double>)x.ToArray(), outputLength));
        }

        /// <summary>The Hessian ∇²f(x) (n×n) of a scalar function written once on generic numbers.</summary>
        /// <typeparam name="TFunction">The function type (ideally a struct).</typeparam>
        /// <param name="function">f: ℝⁿ → ℝ.</param>
        /// <param name="x">The point.</param>
        /// <returns>∂²f/∂xᵢ∂xⱼ.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
        public static Matrix<double> Hessian<TFunction>(TFunction function, Vector<double> x)
            where TFunction : IMultivariateFunction
        {
            ArgumentNullException.ThrowIfNull(x);
            return Matrix<double>.Build.DenseOfArray(AutoDiff.Hessian<double, TFunction>(function, x.ToArray()));
        }
    }
}
