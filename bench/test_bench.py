"""Tests of the benchmark's PyTorch models and its report (no ModelZoo build needed; about 20 s):

    /usr/bin/python3 -m unittest discover -s bench -p 'test_*.py'

The check against ModelZoo itself (parameters, MACs and every conv/linear output shape at 32 and 224 px) is
`/usr/bin/python3 bench/pytorch_models.py --check --modelzoo ./modelzoo`.
"""

import argparse
import importlib.machinery
import importlib.util
import tempfile
import unittest
from pathlib import Path

import torch

import pytorch_bench
import pytorch_models
import report
from jpeg_folder import photo_like_folder

BENCH = Path(__file__).resolve().parent


def load_runner():
    loader = importlib.machinery.SourceFileLoader("bench_run", str(BENCH / "run"))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("bench_run", loader))
    loader.exec_module(module)
    return module


class PyTorchModels(unittest.TestCase):
    def test_every_architecture_has_the_published_parameter_count_in_both_modes(self):
        for name, (_, published) in pytorch_models.ARCHITECTURES.items():
            for small in (False, True):
                with self.subTest(name=name, small_input=small):
                    self.assertEqual(pytorch_models.parameter_count(pytorch_models.create(name, small)), published)

    def test_published_counts_are_the_reference_tables(self):
        # shared/reference/architectures.md
        self.assertEqual(pytorch_models.ARCHITECTURES["shufflenet_v1_g3_x1_0"][1], 1_864_728)
        self.assertEqual(pytorch_models.ARCHITECTURES["mobilenet_v1_x1_0"][1], 4_231_976)
        self.assertEqual(pytorch_models.ARCHITECTURES["se_resnet18"][1], 11_778_592)
        self.assertEqual(pytorch_models.ARCHITECTURES["se_resnet50"][1], 28_088_024)

    def test_macs_at_224_are_the_reference_tables(self):
        # conv + FC MMACs of shared/reference/architectures.md (rounded to 0.1 M there)
        for name, mmacs in [("shufflenet_v1_g3_x1_0", 137.5), ("mobilenet_v1_x1_0", 568.7), ("squeezenet1_1", 349.2),
                            ("mobilenet_v3_small", 56.5)]:
            with self.subTest(name=name):
                _, macs = pytorch_models.layer_shapes_and_macs(pytorch_models.create(name, False), 224)
                self.assertAlmostEqual(macs / 1e6, mmacs, delta=0.05)

    def test_small_input_mode_keeps_the_resolution_and_the_parameters(self):
        for name, last, side in [("shufflenet_v1_g3_x1_0", "features.15.branch_main_2.0", 4),
                                 ("mobilenet_v2", "features.18.0", 4), ("squeezenet1_1", "features.12.expand3x3", 7),
                                 ("se_resnet18", "layer4.1.conv2", 4), ("mobilenet_v1_x1_0", "features.13.pointwise.0", 2)]:
            with self.subTest(name=name):
                shapes, _ = pytorch_models.layer_shapes_and_macs(pytorch_models.create(name, True), 32)
                self.assertEqual(shapes[last][2:], [side, side])
                imagenet, _ = pytorch_models.layer_shapes_and_macs(pytorch_models.create(name, False), 32)
                self.assertLess(imagenet[last][2], side)

    def test_mobilenet_v3_small_gains_its_first_shortcut_in_small_input_mode(self):
        self.assertTrue(pytorch_models.create("mobilenet_v3_small", True).features[1].use_res_connect)
        self.assertFalse(pytorch_models.create("mobilenet_v3_small", False).features[1].use_res_connect)
        self.assertFalse(pytorch_models.create("mobilenet_v3_large", True).features[2].use_res_connect)

    def test_channel_shuffle_moves_channel_k_n_plus_i_to_i_g_plus_k(self):
        x = torch.arange(6.0).view(1, 6, 1, 1)  # g = 3 groups of n = 2 (megvii: reshape to (C/g, g) = (2, 3))
        shuffled = pytorch_models.channel_shuffle(x, 3).flatten().tolist()
        self.assertEqual(shuffled, [0.0, 3.0, 1.0, 4.0, 2.0, 5.0])

    def test_channels_last_training_step_runs_and_keeps_the_layout(self):
        model = pytorch_models.create("shufflenet_v1_g3_x1_0", True).to(memory_format=torch.channels_last)
        x = torch.randn(2, 3, 32, 32).contiguous(memory_format=torch.channels_last)
        loss = torch.nn.functional.cross_entropy(model(x), torch.tensor([1, 2]))
        loss.backward()
        self.assertTrue(torch.isfinite(loss))
        self.assertTrue(all(p.grad is not None for p in model.parameters()))


class Measurement(unittest.TestCase):
    def test_percentile_interpolates_like_modelzoo(self):
        self.assertAlmostEqual(pytorch_bench.percentile(list(range(1, 11)), 0.9), 9.1)
        self.assertEqual(pytorch_bench.percentile([5.0], 0.9), 5.0)

    def test_peak_rss_is_read_from_proc(self):
        self.assertGreater(pytorch_bench.peak_rss_mib(), 10)


def result(**values):
    return {"memory_format": "nhwc", "parameters": 1_864_728, "macs_per_image": 137_460_672, "threads_used": 2} | values


class Report(unittest.TestCase):
    settings = {"machine": "test", "threads": 2, "libtorch": "1.13.0", "torch": "1.13.0", "rounds": 2, "warmup": 1,
                "iterations": 2, "archs": ["shufflenet_v1_g3_x1_0"], "data_size": 224, "data_batch": 32,
                "data_dir": "/tmp/jpeg", "date": "today"}

    def measurements(self, train, infer):
        key = ("shufflenet_v1_g3_x1_0", 224, 32)
        return {(*key, "train"): {fw: [result(train_images_per_second=v, peak_rss_mib=m)] for fw, (v, m) in train.items()},
                (*key, "infer"): {fw: [result(infer_images_per_second=v, latency_median_ms=l, latency_p90_ms=l)]
                                  for fw, (v, l) in infer.items()}}

    def test_a_loaded_machine_is_flagged(self):
        quiet = self.settings | {"cores": 2, "load_start": 0.5, "load_end": 1.5}
        busy = quiet | {"load_end": 9.0}
        self.assertNotIn("competed", report.Report(quiet, {}, {}, []).markdown())
        self.assertIn("other work competed", report.Report(busy, {}, {}, []).markdown())

    def test_medians_over_rounds_skip_missing_values(self):
        summary = report.medians([{"peak_rss_mib": 3.0}, {"peak_rss_mib": 1.0}, {"peak_rss_mib": None},
                                  {"peak_rss_mib": 2.0}], ["peak_rss_mib", "latency_p90_ms"])
        self.assertEqual(summary, {"peak_rss_mib": 2.0, "latency_p90_ms": None})

    def test_targets_are_judged_against_the_best_pytorch_layout(self):
        measurements = self.measurements(
            train={report.MODELZOO: (30, 400), report.NCHW: (20, 500), report.NHWC: (25, 450)},  # 1.2× best
            infer={report.MODELZOO: (100, 10.0), report.NCHW: (90, 11.0), report.NHWC: (50, 20.0)})  # 1.11×, 1.1×
        markdown = report.Report(self.settings, report.summarize(measurements), {}, []).markdown()
        self.assertIn("| shufflenet_v1_g3_x1_0 | 224/32 | 30.0 | nhwc | 20.0 | 25.0 | — | 1.50× | 1.20× | — | met |", markdown)
        self.assertIn("| 100.0 | nhwc | 90.0 | 50.0 | — | 1.11× | 1.11× | — | **missed** |", markdown)
        self.assertIn("| 10.00 (10.00) | 11.00 (11.00) | 20.00 (20.00) | — | 1.10× | 1.10× | — | **missed** |", markdown)
        self.assertIn("| 400 | 500 | 450 | — | 0.80× | 0.89× | — | met |", markdown)
        self.assertIn("2 of 4 targets met", markdown)

    def test_plain_torchsharp_is_a_second_bar_where_it_ran(self):
        measurements = self.measurements(
            train={report.MODELZOO: (60, 400), report.NCHW: (20, 500), report.NHWC: (40, 450),
                   report.TORCHSHARP: (55, 800)},  # 1.5× PyTorch but 1.09× TorchSharp
            infer={report.MODELZOO: (150, 5.0), report.NCHW: (90, 11.0), report.NHWC: (100, 7.0),
                   report.TORCHSHARP: (50, 12.0)})  # 1.5× and 3.0×; latency 1.4× and 2.4×
        markdown = report.Report(self.settings, report.summarize(measurements), {}, []).markdown()
        self.assertIn("| 60.0 | nhwc | 20.0 | 40.0 | 55.0 | 3.00× | 1.50× | 1.09× | **missed** |", markdown)
        self.assertIn("| 150.0 | nhwc | 90.0 | 100.0 | 50.0 | 1.67× | 1.50× | 3.00× | met |", markdown)
        self.assertIn("| 5.00 (5.00) | 11.00 (11.00) | 7.00 (7.00) | 12.00 (12.00) | 2.20× | 1.40× | 2.40× | met |", markdown)
        self.assertIn("| 400 | 500 | 450 | 800 | 0.80× | 0.89× | 0.50× | met |", markdown)  # memory: PyTorch's bar only
        self.assertIn("3 of 4 targets met", markdown)

    def test_a_failed_torchsharp_run_leaves_its_targets_unjudged(self):
        measurements = self.measurements(
            train={report.MODELZOO: (60, 400), report.NCHW: (20, 500), report.NHWC: (40, 450)}, infer={})
        measurements[("shufflenet_v1_g3_x1_0", 224, 32, "train")][report.TORCHSHARP] = []  # run, but no result
        markdown = report.Report(self.settings, report.summarize(measurements), {}, []).markdown()
        self.assertIn("| 60.0 | nhwc | 20.0 | 40.0 | — | 3.00× | 1.50× | — | — |", markdown)
        self.assertIn("1 of 1 targets met (3 without data)", markdown)  # training, inference, latency

    def test_the_loader_is_held_against_the_fastest_training_rate_at_its_size(self):
        measurements = self.measurements(train={report.MODELZOO: (50, 1), report.NCHW: (1, 1), report.NHWC: (1, 1)},
                                          infer={})
        loaders = {report.MODELZOO: {"loader_images_per_second": 120.0, "workers": 2, "images": 500, "peak_rss_mib": 300},
                   report.NCHW: {"loader_images_per_second": 80.0, "workers": 2, "images": 500, "peak_rss_mib": 900}}
        markdown = report.Report(self.settings, report.summarize(measurements), loaders, []).markdown()
        self.assertIn("| ModelZoo loader | 120.0 | 2 | 300 | 2.40× | met |", markdown)
        self.assertIn("| torchvision ImageFolder + DataLoader | 80.0 | 2 | 900 | 1.60× | (context) |", markdown)

    def test_different_networks_or_threads_are_reported(self):
        key = ("shufflenet_v1_g3_x1_0", 32, 16, "train")
        measurements = {key: {report.MODELZOO: [result(macs_per_image=43_540_992)],
                              report.NCHW: [result(macs_per_image=3_745_728, parameters=5, threads_used=1)]}}
        problems = report.consistency_problems(measurements, {"shufflenet_v1_g3_x1_0": 1_864_728}, 2)
        self.assertEqual(len(problems), 3, problems)


class Runner(unittest.TestCase):
    def test_rotation_puts_every_framework_first_once_in_as_many_runs(self):
        run = load_runner()
        firsts = [run.rotated(report.FRAMEWORKS, i)[0] for i in range(len(report.FRAMEWORKS))]
        self.assertEqual(sorted(firsts), sorted(report.FRAMEWORKS))

    def test_plain_torchsharp_runs_for_torchvisions_mobilenets_only(self):
        run = load_runner()
        args = argparse.Namespace(no_torchsharp=False)
        self.assertEqual(run.frameworks_for("mobilenet_v2", args), report.FRAMEWORKS)
        self.assertNotIn(report.TORCHSHARP, run.frameworks_for("se_resnet18", args))
        self.assertNotIn(report.TORCHSHARP, run.frameworks_for("mobilenet_v2", argparse.Namespace(no_torchsharp=True)))

    def test_the_peer_gets_the_options_modelzoo_gets(self):
        run = load_runner()
        args = argparse.Namespace(threads=2, warmup=1, iterations=3, small_input=False, modelzoo="./modelzoo")
        peer = run.model_command(report.TORCHSHARP, "mobilenet_v2", 32, 128, "train", args)
        ours = run.model_command(report.MODELZOO, "mobilenet_v2", 32, 128, "train", args)
        self.assertEqual(peer[:3], ["dotnet", str(run.PEER_DLL), "mobilenet_v2"])
        self.assertEqual(peer[3:], ours[3:-1])  # the same options, without --json (the peer prints only JSON)

    def test_jpeg_folder_is_made_once_in_class_folders(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = photo_like_folder(Path(tmp) / "jpegs", 12, classes=3)
            files = sorted(root.glob("class_*/*.jpg"))
            self.assertEqual(len(files), 12)
            self.assertEqual(len({f.parent for f in files}), 3)
            self.assertGreater(min(f.stat().st_size for f in files), 8000)  # textured, not flat
            before = files[0].stat().st_mtime_ns
            photo_like_folder(root, 12, classes=3)
            self.assertEqual(files[0].stat().st_mtime_ns, before)
            self.assertEqual(len(list(Path(tmp).iterdir())), 1)  # no partial folder left behind


if __name__ == "__main__":
    unittest.main()
