using System.Diagnostics;
using ModelZoo.Samples.ImageFolder;

// dotnet run --project samples/ImageFolder -- FOLDER [EPOCHS]   (FOLDER holds one sub-folder of images per class)
if (args.Length is 0 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run --project samples/ImageFolder -- FOLDER [EPOCHS]");
    return 1;
}
var epochs = args.Length > 1 ? int.Parse(args[1]) : 5;
var clock = Stopwatch.StartNew();
ImageFolderSample.Run(args[0], Path.Combine(Path.GetTempPath(), "image-folder.zip"), epochs);
Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
return 0;
