using ModelZoo.Samples.OnnxInference;

// Trains a tiny classifier, exports it to ONNX and scores the same images with ML.NET's ApplyOnnxModel and with
// the ModelZoo transformer; the arguments name a working folder (default: a fresh temporary one).
var folder = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("modelzoo-onnx-sample-").FullName;
var result = OnnxInference.Run(folder);
Console.WriteLine($"{result.Agreements}/{result.Images} predictions agree; largest score difference {result.MaxScoreDifference:E2}; model {result.OnnxPath}");
return result.Agreements == result.Images ? 0 : 1;
