namespace ModelZoo.Torch.Modules;

/// <summary>
/// A neural-network module, as torch.nn.Module: named parameters, buffers and sub-modules with
/// PyTorch's dotted state-dict names, train/eval mode, device/type/layout moves, state dicts
/// and forward hooks. Sub-classes register their parts in the constructor, in PyTorch's order.
/// </summary>
public abstract partial class Module : IDisposable
{
    private readonly List<KeyValuePair<string, Parameter?>> ownParameters = [];
    private readonly List<BufferSlot> ownBuffers = [];
    private readonly List<KeyValuePair<string, Module>> ownChildren = [];
    private bool disposed;

    private sealed class BufferSlot(string name, Tensor? value, bool persistent)
    {
        public string Name { get; } = name;
        public Tensor? Value { get; set; } = value;
        public bool Persistent { get; } = persistent;
    }

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
    public bool training { get; private set; } = true;

    /// <summary>The class name, as PyTorch prints it (e.g. <c>Conv2d</c>).</summary>
    public virtual string TypeName => GetType().Name;

    /// <summary>Registers a learnable parameter under <paramref name="name"/> (null registers an absent one, like bias=False).</summary>
    protected Parameter? RegisterParameter(string name, Tensor? value)
    {
        CheckNewName(name);
        var parameter = value switch
        {
            null => null,
            Parameter p => p,
            _ => new Parameter(value),
        };
        ownParameters.Add(new(name, parameter));
        return parameter;
    }

    /// <summary>Registers a buffer: state that is saved (when persistent) but not learned.</summary>
    protected Tensor RegisterBuffer(string name, Tensor value, bool persistent = true)
    {
        CheckNewName(name);
        value.DetachFromDisposeScope();
        ownBuffers.Add(new BufferSlot(name, value, persistent));
        return value;
    }

    /// <summary>Registers a sub-module under <paramref name="name"/>.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckNewName(name);
        ownChildren.Add(new(name, module));
        return module;
    }

    /// <summary>
    /// Puts <paramref name="module"/> in the place of the sub-module registered as <paramref name="name"/>
    /// (same state-dict names, same position) and disposes the old one, as assigning an attribute does in
    /// PyTorch; used to swap a classifier.
    /// </summary>
    protected T ReplaceModule<T>(string name, T module) where T : Module
    {
        var index = ownChildren.FindIndex(c => c.Key == name);
        if (index < 0) throw new ArgumentException($"{TypeName} has no sub-module named '{name}'", nameof(name));
        var old = ownChildren[index].Value;
        ownChildren[index] = new(name, module);
        if (!ReferenceEquals(old, module)) old.Dispose();
        return module;
    }

    private void CheckNewName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"'{name}' is not a valid module attribute name", nameof(name));
        if (ownParameters.Any(p => p.Key == name) || ownBuffers.Any(b => b.Name == name) || ownChildren.Any(c => c.Key == name))
            throw new ArgumentException($"{TypeName} already has a member named '{name}'", nameof(name));
    }

    /// <summary>Direct sub-modules with their attribute names.</summary>
    public IEnumerable<(string name, Module module)> named_children() => ownChildren.Select(c => (c.Key, c.Value));

    /// <summary>This module and every descendant, with dotted names ("" for this one).</summary>
    public IEnumerable<(string name, Module module)> named_modules()
    {
        yield return ("", this);
        foreach (var (childName, child) in named_children())
            foreach (var (name, module) in child.named_modules())
                yield return (name.Length == 0 ? childName : childName + "." + name, module);
    }

    /// <summary>Every parameter (recursively) with its state-dict name.</summary>
    public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
    {
        foreach (var (name, parameter) in ownParameters)
            if (parameter is not null) yield return (name, parameter);
        if (!recurse) yield break;
        foreach (var (childName, child) in named_children())
            foreach (var (name, parameter) in child.named_parameters())
                yield return (childName + "." + name, parameter);
    }

    /// <summary>Every parameter, recursively.</summary>
    public IEnumerable<Parameter> parameters() => named_parameters().Select(p => p.parameter);

    /// <summary>Every buffer (recursively) with its state-dict name.</summary>
    public IEnumerable<(string name, Tensor buffer)> named_buffers(bool includeNonPersistent = true)
    {
        foreach (var slot in ownBuffers)
            if (slot.Value is not null && (includeNonPersistent || slot.Persistent)) yield return (slot.Name, slot.Value);
        foreach (var (childName, child) in named_children())
            foreach (var (name, buffer) in child.named_buffers(includeNonPersistent))
                yield return (childName + "." + name, buffer);
    }

    /// <summary>Number of parameter elements (optionally only trainable ones).</summary>
    public long ParameterCount(bool trainableOnly = false) =>
        parameters().Where(p => !trainableOnly || p.requires_grad).Sum(p => p.numel());

    /// <summary>Sets training mode on this module and every descendant.</summary>
    public Module train(bool mode = true)
    {
        foreach (var (_, module) in named_modules()) module.training = mode;
        return this;
    }

    /// <summary>Evaluation mode (<c>train(false)</c>).</summary>
    public Module eval() => train(false);

    /// <summary>Clears every parameter's gradient.</summary>
    public void zero_grad()
    {
        foreach (var parameter in parameters()) parameter.grad = null;
    }

    /// <summary>Moves every parameter and buffer to a device (and optionally converts floating-point ones).</summary>
    public Module to(Device device, ScalarType? type = null) =>
        Convert(t => t.to(device, t.dtype.IsFloatingPoint() && type.HasValue ? type : null));

    /// <summary>Converts every floating-point parameter and buffer to <paramref name="type"/>.</summary>
    public Module to(ScalarType type) => Convert(t => t.dtype.IsFloatingPoint() ? t.to(type) : t.alias());

    /// <summary>Lays out every 4-D parameter and buffer in <paramref name="format"/> (channels_last for faster convolutions).</summary>
    public Module to(MemoryFormat format) => Convert(t => t.dim() == 4 ? t.to(format) : t.alias());

    private Module Convert(Func<Tensor, Tensor> conversion)
    {
        using var noGrad = torch.no_grad();
        foreach (var (_, module) in named_modules())
        {
            foreach (var (_, parameter) in module.ownParameters)
            {
                if (parameter is null) continue;
                var requiresGrad = parameter.requires_grad;
                using var converted = conversion(parameter);
                using var leaf = converted.detach();
                parameter.ReplaceWith(leaf.requires_grad_(requiresGrad));
            }
            foreach (var slot in module.ownBuffers)
                if (slot.Value is not null)
                    slot.Value.ReplaceWith(conversion(slot.Value));
        }
        return this;
    }

    /// <summary>Frees every parameter and buffer of this module and its descendants.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var (_, parameter) in ownParameters) parameter?.Dispose();
        foreach (var slot in ownBuffers) slot.Value?.Dispose();
        foreach (var (_, child) in ownChildren) child.Dispose();
        GC.SuppressFinalize(this);
    }
}
