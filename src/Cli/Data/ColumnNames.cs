namespace ModelZoo.Cli.Data;

/// <summary>The columns the CLI's views carry, as ML.NET's image samples name them.</summary>
internal static class ColumnNames
{
    internal const string Label = "Label";
    internal const string ImagePath = "ImagePath";
    internal const string Features = "Features";
    internal const string Score = "Score";
    internal const string PredictedLabel = "PredictedLabel";
}
