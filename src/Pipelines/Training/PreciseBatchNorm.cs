using ModelZoo.Pipelines.Transforms;
using ModelZoo.Zoo.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo.Pipelines.Training;

/// <summary>
/// "Precise BN" (Wu and Johnson, arXiv:2105.07576; pycls): recomputes every batch norm's running
/// statistics as the exact average over some training batches with the final weights of the epoch.
/// The exponential running averages lag behind weights that moved fast, which after short runs makes
/// evaluation-mode accuracy collapse (measured here: mobilenet_v2, one epoch of 3,000 Fashion-MNIST
/// images: 9% in eval mode, 58% after recalibration).
/// </summary>
public static class PreciseBatchNorm
{
    /// <summary>Recomputes the statistics from the batches of <paramref name="batches"/> (at most <paramref name="maxBatches"/>).</summary>
    public static void Recalibrate(nn.Module<Tensor, Tensor> model, IEnumerable<ModelBatch> batches, int maxBatches, Device device)
    {
        var norms = model.modules().OfType<BatchNorm2d>().ToList();
        if (norms.Count == 0 || maxBatches < 1) return;
        var momenta = norms.Select(n => n.Momentum).ToList();
        var counts = norms.Select(n => n.num_batches_tracked.ToInt64()).ToList();
        var wasTraining = model.training;
        using (torch.no_grad())
            foreach (var norm in norms)
            {
                norm.running_mean.fill_(0);
                norm.running_var.fill_(1);
            }
        model.train();
        try
        {
            var seen = 0;
            foreach (var batch in batches)
            {
                using var scope = torch.NewDisposeScope();
                using var _ = batch;
                using var noGrad = torch.no_grad();
                // Momentum 1/(k+1) on batch k makes the running value the plain mean of all k+1 batches.
                foreach (var norm in norms) norm.Momentum = 1.0 / (seen + 1);
                model.call(batch.Input.to(device)).Dispose();
                if (++seen >= maxBatches) break;
            }
        }
        finally
        {
            using var noGrad = torch.no_grad();
            for (var i = 0; i < norms.Count; i++)
            {
                norms[i].Momentum = momenta[i];
                norms[i].num_batches_tracked.fill_(counts[i]);
            }
            model.train(wasTraining);
        }
    }
}
