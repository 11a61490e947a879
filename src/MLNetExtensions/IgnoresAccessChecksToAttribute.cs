// ML.NET gives third-party components no public way to be saved into or loaded from a model zip: ModelSaveContext's
// members, ModelLoadContext, VersionInfo, LoadableClassAttribute, IRowMapper and the private protected members of
// RowToRowTransformerBase are internal to ML.NET and its friend assemblies (dotnet/machinelearning#4911). This
// assembly is compiled against all-public copies of Microsoft.ML.Core and Microsoft.ML.Data (build/Publicizer) and
// asks the runtime, through this attribute, to let it use their internals. CoreCLR honours the attribute when it is
// declared in the calling assembly itself; without it, loading the transformer fails with a TypeLoadException
// (overriding a method that is not visible) and the LoadableClass registrations are invisible to Model.Load.
[assembly: System.Runtime.CompilerServices.IgnoresAccessChecksTo("Microsoft.ML.Core")]
[assembly: System.Runtime.CompilerServices.IgnoresAccessChecksTo("Microsoft.ML.Data")]

namespace System.Runtime.CompilerServices;

/// <summary>Read by the runtime: this assembly may use <paramref name="assemblyName"/>'s non-public members.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
{
    /// <summary>The simple name of the assembly whose access checks are waived.</summary>
    public string AssemblyName { get; } = assemblyName;
}
