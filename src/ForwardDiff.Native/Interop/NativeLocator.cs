using System.Runtime.InteropServices;

namespace ForwardDiff.Native.Interop;

/// <summary>Where the native libraries are looked for, in order.</summary>
internal static class NativeLocator
{
    /// <summary>Environment variable naming an extra directory searched first.</summary>
    internal const string DirectoryVariable = "FORWARDDIFF_NATIVE_DIR";

    /// <summary>
    /// The directories searched: <c>FORWARDDIFF_NATIVE_DIR</c>, the application base directory, this
    /// assembly's directory, and <c>runtimes/&lt;rid&gt;/native</c> under the last two.
    /// </summary>
    internal static IReadOnlyList<string> SearchDirectories()
    {
        var dirs = new List<string>();
        var env = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            dirs.Add(env.Trim());
        }

        var rid = RuntimeInformation.RuntimeIdentifier;
        var portableRid = (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
            RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        foreach (var root in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(NativeLocator).Assembly.Location) })
        {
            if (string.IsNullOrEmpty(root))
            {
                continue;
            }

            dirs.Add(root);
            dirs.Add(Path.Combine(root, "runtimes", portableRid, "native"));
            dirs.Add(Path.Combine(root, "runtimes", rid, "native"));
        }

        return dirs.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The first existing file for <paramref name="vendor"/>, or null.</summary>
    internal static string? Find(NativeVendor vendor)
    {
        var name = NativeBackend.FileName(vendor);
        return SearchDirectories().Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }
}
