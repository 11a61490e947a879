namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// Tests that compare the results of training run alone: Fit seeds libtorch's one process-wide generator, so a Fit
/// running beside another draws different weights.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTraining
{
    public const string Name = "serial training";
}
