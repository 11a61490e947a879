namespace ModelZoo.TorchSharpAdditions.Tests;

/// <summary>
/// Tests that read or change process-wide libtorch state (live tensor counters, the default
/// generator, the thread count) run alone: xunit runs this collection after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalStateCollection
{
    public const string Name = "Global libtorch state";
}
