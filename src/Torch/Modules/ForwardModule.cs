namespace ModelZoo.Torch.Modules;

/// <summary>Called after a module's forward with the module, its input and its output.</summary>
public delegate void ForwardHook(Module module, Tensor input, Tensor output);

/// <summary>A module mapping one tensor to one tensor; <see cref="call"/> runs forward and the hooks.</summary>
public abstract class Module<TInput, TOutput> : Module
{
    /// <summary>The computation.</summary>
    public abstract TOutput forward(TInput input);

    /// <summary>Runs <see cref="forward"/>, then every forward hook.</summary>
    public virtual TOutput call(TInput input) => forward(input);
}

/// <summary>The common case: tensor in, tensor out, with forward hooks (used by model summaries).</summary>
public abstract class TensorModule : Module<Tensor, Tensor>
{
    private readonly List<ForwardHook> hooks = [];

    /// <summary>Adds a hook called after every forward; dispose the result to remove it.</summary>
    public IDisposable register_forward_hook(ForwardHook hook)
    {
        hooks.Add(hook);
        return new HookRegistration(() => hooks.Remove(hook));
    }

    /// <inheritdoc />
    public override Tensor call(Tensor input)
    {
        var output = forward(input);
        foreach (var hook in hooks.ToArray()) hook(this, input, output);
        return output;
    }

    private sealed class HookRegistration(Action remove) : IDisposable
    {
        private Action? remove = remove;

        public void Dispose()
        {
            remove?.Invoke();
            remove = null;
        }
    }
}
