namespace ModelZoo.Zoo.Layers;

/// <summary>
/// The base of ModelZoo's blocks: a TorchSharp <c>nn.Module&lt;Tensor, Tensor&gt;</c> whose parts are registered
/// explicitly, under the attribute names PyTorch uses (<c>squeeze_activation</c>, <c>"0"</c>, <c>"1"</c>), so
/// state-dict keys equal torchvision's and megvii's whatever the C# fields are called.
/// </summary>
public abstract class ZooModule : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module; sub-classes register their parts in PyTorch's order.</summary>
    protected ZooModule() : base(nameof(ZooModule)) { }

    /// <summary>
    /// Nothing: TorchSharp would register every field under its C# name as well, giving second, wrongly named
    /// copies of the parts registered through <see cref="Register{T}"/>.
    /// </summary>
    protected override void RegisterComponents() { }

    /// <summary>
    /// The state dict in PyTorch's order: each module's own parameters and buffers, then its children's, depth
    /// first. TorchSharp lists every parameter of the tree before any buffer; the keys are the same, but
    /// files exported for PyTorch and anything that walks a state dict by position expect PyTorch's order.
    /// </summary>
    public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
    {
        destination ??= [];
        string Key(string name) => string.IsNullOrEmpty(prefix) ? name : prefix + "." + name;
        foreach (var (name, parameter) in named_parameters(recurse: false)) destination.TryAdd(Key(name), parameter);
        foreach (var (name, buffer) in named_buffers(recurse: false, include_nonpersistent: false)) destination.TryAdd(Key(name), buffer);
        foreach (var (name, child) in named_children()) child.state_dict(destination, Key(name));
        return destination;
    }

    /// <summary>Registers <paramref name="module"/> as the child <paramref name="name"/> and returns it.</summary>
    protected T Register<T>(string name, T module) where T : nn.Module
    {
        register_module(name, module);
        return module;
    }

    /// <summary>
    /// Puts <paramref name="module"/> in the place of the child registered as <paramref name="name"/> (same
    /// state-dict names, same position) and disposes the old one, as assigning an attribute does in PyTorch.
    /// </summary>
    protected T Replace<T>(string name, T module) where T : nn.Module
    {
        if (!_internal_submodules.ContainsKey(name))
            throw new ArgumentException($"{GetType().Name} has no sub-module named '{name}'", nameof(name));
        var old = _internal_submodules[name];
        _internal_submodules[name] = module;
        if (!ReferenceEquals(old, module)) old.Dispose();
        return module;
    }
}
