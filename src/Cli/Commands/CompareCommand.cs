using System.CommandLine;
using System.Globalization;
using ModelZoo.Cli.Comparison;
using ModelZoo.MLNetExtensions;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Reports;
using ModelZoo.Pipelines.Transforms;
using ModelZoo.TorchSharpAdditions;
using Spectre.Console;

namespace ModelZoo.Cli.Commands;

/// <summary>
/// <c>modelzoo compare ARCH... --data SOURCE</c>: trains and evaluates each architecture on the same data, split
/// and seed and writes report.html, report.md and report.json. With no arguments it runs the default comparison.
/// </summary>
internal static class CompareCommand
{
    /// <summary>
    /// The default comparison: one model from each of four families on 10,000 Fashion-MNIST training images for 4 epochs,
    /// tested on 1,000, all four trained at once on a CPU, each with its family's recipe; docs/accuracy.md ("The main
    /// job") has its time and accuracies on the 2-core machine.
    /// </summary>
    internal static readonly string[] DefaultArchitectures = ["mobilenet_v3_small", "squeezenet1_1", "shufflenet_v1_g3_x0_5", "mobilenet_v1_x0_5"];

    internal static Command Create()
    {
        var architectures = new Argument<string[]>("architectures") { Description = "Architectures to compare (default: " + string.Join(", ", DefaultArchitectures) + ").", Arity = ArgumentArity.ZeroOrMore };
        var data = new Option<string>("--data") { Description = "Data source: " + DataSource.Forms + ".", DefaultValueFactory = _ => "fashion-mnist" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", DefaultValueFactory = _ => 4 };
        var limitTrain = new Option<int?>("--limit-train") { Description = "Use only the first N training examples (default 10000).", DefaultValueFactory = _ => 10000 };
        var limitTest = new Option<int?>("--limit-test") { Description = "Use only the first N test examples (default 1000).", DefaultValueFactory = _ => 1000 };
        var inputSize = new Option<int?>("--input-size") { Description = "Model input size (default: the images' own size, else 224)." };
        var output = new Option<string>("--out") { Description = "Folder for the report and the trained models.", DefaultValueFactory = _ => "runs/compare" };
        var jobs = new Option<int?>("--jobs")
        {
            Description = "Architectures trained at once, each in its own process with its share of the threads (default: up to 4 on a CPU with at least 2 logical processors; 1 on CUDA).",
        };
        var recipe = new RecipeOptions();
        var badImages = CommonOptions.BadImages();
        var split = CommonOptions.Split();
        var seed = CommonOptions.Seed();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var json = CommonOptions.Json();
        var command = new Command("compare", "Train and evaluate several architectures on the same data and write an HTML/Markdown/JSON report.")
        {
            architectures, data, epochs, jobs, limitTrain, limitTest, inputSize, output, badImages, split, seed, device, threads, json,
        };
        foreach (var option in recipe.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            ThreadPolicy.Apply(result.GetValue(threads));
            var names = result.GetValue(architectures) is { Length: > 0 } given ? given : DefaultArchitectures;
            var seedValue = result.GetValue(seed);
            var opened = DataSource.Open(result.GetValue(data)!, result.GetValue(split), seedValue);
            var train = TrainCommand.Limit(opened.Train, result.GetValue(limitTrain));
            var test = TrainCommand.Limit(opened.Test, result.GetValue(limitTest));
            var options = new ImageClassifierTrainer.Options
            {
                Epochs = result.GetValue(epochs),
                Device = result.GetValue(device)!,
                Seed = seedValue,
                BadImages = CommonOptions.ParseBadImages(result.GetValue(badImages)!),
            };
            recipe.ApplyTo(options, result);
            TrainCommand.SetInput(options, opened, result.GetValue(inputSize));
            var outDirectory = result.GetValue(output)!;
            var quiet = result.GetValue(json);
            var jobCount = result.GetValue(jobs) ?? DefaultJobs(options.Device, names.Length);
            if (jobCount < 1) throw new ArgumentException($"--jobs must be at least 1, got {jobCount}");
            var comparison = new ArchitectureComparison(options, outDirectory)
            {
                AttachDisplay = quiet ? null : ProgressDisplay.Attach,
                Jobs = jobCount,
                ThreadsPerJob = result.GetValue(threads) ?? Math.Max(1, Environment.ProcessorCount / jobCount),
                WorkerArguments = WorkerArguments(result, recipe, data, epochs, limitTrain, limitTest, inputSize, badImages, split, seed, device),
            };
            if (!quiet)
                comparison.WorkerOutput += (architecture, line) => Console.WriteLine($"{architecture}: {line}");
            if (!quiet && jobCount > 1 && names.Length > 1)
                Console.WriteLine($"training {names.Length} architectures, {Math.Min(jobCount, names.Length)} at once, on {train.Count} training and {test.Count} test images of {opened.Source}");
            if (!quiet)
                comparison.ArchitectureStarted += (index, count, name) =>
                    AnsiConsole.MarkupLine($"[bold]({index + 1}/{count}) {Markup.Escape(name)}[/] on {train.Count} training and {test.Count} test images of {Markup.Escape(opened.Source)}");
            var report = comparison.Run(names, opened, train, test);
            var html = Path.GetFullPath(Path.Combine(outDirectory, "report.html"));
            if (quiet)
            {
                Console.WriteLine(File.ReadAllText(Path.Combine(outDirectory, "report.json")));
                return 0;
            }
            string[] numbers = ["params", "MACs", "train img/s", "latency ms", "top-1", $"top-{report.Results[0].K}", "log-loss"];
            var table = new ConsoleTable(["architecture", .. numbers]).RightAligned(numbers);
            foreach (var r in report.Results)
                table.AddRow(r.Architecture, r.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                    (r.Macs / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " M", r.TrainImagesPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                    r.InferenceLatencyMs.ToString("F2", CultureInfo.InvariantCulture), r.Top1.ToString("F4", CultureInfo.InvariantCulture),
                    r.TopK.ToString("F4", CultureInfo.InvariantCulture), r.LogLoss.ToString("F4", CultureInfo.InvariantCulture));
            table.Write();
            AnsiConsole.MarkupLine($"best: [bold]{Markup.Escape(report.Best.Architecture)}[/] (top-1 {report.Best.Top1:F4})");
            // Plain text, as the report line below: no markup to escape, and one line in a log.
            Console.WriteLine(Recommendation.For(report).Text);
            Console.WriteLine($"report: {html}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// On a CPU with two or more logical processors, up to <see cref="MaxDefaultJobs"/> trainings at once, each with its
    /// share of the threads (at least one): small networks on small images scale poorly to a second thread (see
    /// <see cref="WorkerTraining"/>), and running the architectures side by side lets the OS even out runs of unequal
    /// length, where two fixed workers would wait on the longest pair. A GPU runs one at a time.
    /// </summary>
    private static int DefaultJobs(string? device, int architectureCount) =>
        Environment.ProcessorCount >= 2 && DevicePolicy.Resolve(device ?? "auto").type == TorchSharp.DeviceType.CPU
            ? Math.Clamp(architectureCount, 1, MaxDefaultJobs)
            : 1;

    /// <summary>The most trainings the default runs at once (each process holds its own copy of the data).</summary>
    private const int MaxDefaultJobs = 4;

    private static List<string> WorkerArguments(ParseResult result, RecipeOptions recipe, Option<string> data, Option<int> epochs,
        Option<int?> limitTrain, Option<int?> limitTest, Option<int?> inputSize, Option<string> badImages, Option<double> split,
        Option<int> seed, Option<string> device)
    {
        var c = CultureInfo.InvariantCulture;
        List<string> arguments =
        [
            "--data", result.GetValue(data)!, "--epochs", result.GetValue(epochs).ToString(c), "--split", result.GetValue(split).ToString(c),
            "--seed", result.GetValue(seed).ToString(c), "--bad-images", result.GetValue(badImages)!, "--device", result.GetValue(device)!,
        ];
        if (result.GetValue(limitTrain) is { } trainCount) arguments.AddRange(["--limit-train", trainCount.ToString(c)]);
        if (result.GetValue(limitTest) is { } testCount) arguments.AddRange(["--limit-test", testCount.ToString(c)]);
        if (result.GetValue(inputSize) is { } size) arguments.AddRange(["--input-size", size.ToString(c)]);
        arguments.AddRange(recipe.ToArguments(result));
        return arguments;
    }
}
