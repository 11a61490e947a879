namespace ModelZoo.Zoo.Layers;

/// <summary>Calling a module on an intermediate that nothing else needs afterwards.</summary>
public static class ModuleCalls
{
    /// <summary>
    /// Runs <paramref name="module"/> on <paramref name="input"/> and lets go of the input, unless the module
    /// handed back the input itself. TorchSharp's in-place activation modules return a new alias of their input
    /// (the same storage); without this the input's handle would keep that storage alive until the dispose scope
    /// ends, which holds every activation of a training step through backward.
    /// </summary>
    public static Tensor CallAndRelease(this nn.Module<Tensor, Tensor> module, Tensor input)
    {
        var output = module.call(input);
        if (!ReferenceEquals(output, input)) input.Dispose();
        return output;
    }
}
