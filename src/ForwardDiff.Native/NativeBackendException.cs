namespace ForwardDiff.Native;

/// <summary>
/// Thrown by <see cref="NativeLinearAlgebra.UseNative()"/> when no native library can be trusted: it is
/// missing, cannot be loaded, is not a ForwardDiff library, or reports another ABI revision or fewer
/// capabilities than this assembly needs. The message says which, and where it looked.
/// </summary>
public sealed class NativeBackendException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public NativeBackendException()
        : base("No native linear-algebra backend could be loaded.")
    {
    }

    /// <summary>Creates the exception with the given message.</summary>
    /// <param name="message">What failed and why.</param>
    public NativeBackendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the given message and cause.</summary>
    /// <param name="message">What failed and why.</param>
    /// <param name="innerException">The underlying failure.</param>
    public NativeBackendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
