using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelZoo.MLNetExtensions.Tests;

// The test assembly's entry point doubles as the fresh scoring process of the save/load test: with the variables set,
// it loads a saved model into a new MLContext and prints every row's scores as round-trip floats.
if (Environment.GetEnvironmentVariable(FreshProcess.ModelVariable) is { } modelPath)
{
    var ml = new MLContext();
    var model = ml.Model.Load(modelPath, out _);
    var data = ml.Data.LoadFromBinary(Environment.GetEnvironmentVariable(FreshProcess.DataVariable)!);
    foreach (var scores in model.Transform(data).GetColumn<float[]>("Score"))
        Console.WriteLine(string.Join(' ', scores.Select(s => s.ToString("R", CultureInfo.InvariantCulture))));
    return 0;
}
Console.Error.WriteLine($"run the tests with dotnet test; this entry point only scores for them ({FreshProcess.ModelVariable})");
return 1;
