using System.Diagnostics;
using ModelZoo.Samples.QuickStart;

// dotnet run --project samples/QuickStart [TRAIN_ROWS [TEST_ROWS]]
var trainRows = args.Length > 0 ? int.Parse(args[0]) : 2000;
var testRows = args.Length > 1 ? int.Parse(args[1]) : 500;
var clock = Stopwatch.StartNew();
QuickStart.Run(trainRows, testRows, Path.Combine(Path.GetTempPath(), "quickstart-fashion.zip"));
Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
