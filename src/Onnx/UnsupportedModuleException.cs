namespace ModelZoo.Onnx;

/// <summary>A module the ONNX exporter has no emitter for (a user's own layer), or a setting of one it cannot express.</summary>
public sealed class UnsupportedModuleException(string modulePath, Type moduleType, string reason)
    : NotSupportedException($"ONNX export: module '{modulePath}' ({moduleType.FullName}) {reason}")
{
    /// <summary>The module's path in the model (its state-dict prefix), or "(model)" for the root.</summary>
    public string ModulePath { get; } = modulePath;

    /// <summary>The module's type.</summary>
    public Type ModuleType { get; } = moduleType;
}
