// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bundle/bundle.h"

#include "core/graph/modelgraph.h"

#include "core/error.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace cleave::bundle {

namespace fs = std::filesystem;

namespace {

std::string dims(const graph::Shape &shape)
{
    std::string text = "[ ";
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + " ]";
}

std::string tritonType(const std::string &dtype)
{
    if (dtype == "float16")
        return "TYPE_FP16";
    if (dtype == "float64")
        return "TYPE_FP64";
    return "TYPE_FP32";
}

void writeText(const fs::path &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.flush();
    if (!out)
        throw Error(ErrorKind::Unavailable, path.string() + ": cannot write (disk full?)");
}

int64_t elementBytes(const std::string &dtype)
{
    return dtype == "float16" ? 2 : dtype == "float64" ? 8 : 4;
}

std::string readme(const BundleInfo &info)
{
    const bool several = info.wireShapes.size() > 1;
    std::ostringstream r;
    r << "# " << info.name << " split at " << info.split
      << (info.tl.empty() ? "" : " with Transfer Layer " + info.tl) << "\n\n"
      << "Made by Cleave " << info.cleaveVersion << " from `" << info.model << "`.\n\n"
      << "- `device/head.pt` runs on the device: input " << graph::formatShape(info.inputShape)
      << " " << info.dtype << ", output " << formatWire(info) << (several ? " as a tuple" : "")
      << " (what crosses the network, " << info.codec << ").\n"
      << "- `edge/tail.pt` runs on the edge: input" << (several ? "s " : " ") << formatWire(info)
      << ", output " << graph::formatShape(info.outputShape) << ".\n"
      << "- `triton/" << info.name << "_tail/` is a Triton model repository entry for the tail "
      << "(backend `pytorch_libtorch`).\n\n"
      << "Both halves are TorchScript: `torch::jit::load(\"device/head.pt\")` in C++, "
      << "`torch.jit.load(\"device/head.pt\")` in Python. The result is "
      << (several ? "`tail(*head(x))`.\n\n" : "`tail(head(x))`.\n\n") << "    cleave-cli offload "
      << info.model << " --input " << graph::formatShape(info.inputShape) << " --split "
      << info.split << (info.tl.empty() ? "" : " --tl " + info.tl) << " --local\n\n"
      << "runs the same split over gRPC and measures it. Triton: point `tritonserver "
      << "--model-repository` at `triton/`.\n";
    return r.str();
}

} // namespace

std::string formatWire(const BundleInfo &info)
{
    if (info.wireShapes.size() == 1)
        return graph::formatShape(info.wireShapes.front());
    std::string text;
    for (const auto &shape : info.wireShapes)
        text += (text.empty() ? "(" : ", ") + graph::formatShape(shape);
    return text + ")";
}

std::string tritonConfig(const BundleInfo &info)
{
    std::ostringstream c;
    c << "name: \"" << info.name << "_tail\"\n"
      << "platform: \"pytorch_libtorch\"\n"
      << "max_batch_size: 0\n"
      << "input [\n";
    for (size_t i = 0; i < info.wireShapes.size(); ++i)
        c << (i ? ",\n" : "") << "  {\n    name: \"INPUT__" << i
          << "\"\n    data_type: " << tritonType(info.dtype)
          << "\n    dims: " << dims(info.wireShapes[i]) << "\n  }";
    c << "\n]\n"
      << "output [\n  {\n    name: \"OUTPUT__0\"\n    data_type: " << tritonType(info.dtype)
      << "\n    dims: " << dims(info.outputShape) << "\n  }\n]\n";
    return c.str();
}

namespace {

// The umask, read without changing it (umask(2) would, for every thread, for a moment).
unsigned processUmask()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("Umask:", 0) == 0)
            return unsigned(std::stoul(line.substr(6), nullptr, 8));
    return 022;
}

} // namespace

void writeBundle(const std::string &dir, const torch::jit::Module &head,
                 const torch::jit::Module &tail, const BundleInfo &info, bool force)
{
    const fs::path target = fs::absolute(dir).lexically_normal();
    std::error_code ec;
    if (fs::exists(target, ec)) {
        if (!fs::is_directory(target))
            throw Error(ErrorKind::InvalidInput, dir + ": exists and is not a folder");
        if (!fs::is_empty(target) && !force)
            throw Error(ErrorKind::InvalidInput,
                        dir + ": exists and is not empty, and replacing it was not asked for");
    }
    const fs::path parent = target.parent_path();
    if (!fs::is_directory(parent))
        throw Error(ErrorKind::InvalidInput, parent.string() + ": no such folder");

    std::string pattern = (parent / (target.filename().string() + ".partial-XXXXXX")).string();
    if (!mkdtemp(pattern.data()))
        throw Error(ErrorKind::InvalidInput, parent.string() + ": cannot create a folder in it");
    const fs::path temp = pattern;
    try {
        // mkdtemp makes the folder private (0700); the bundle gets the mode of any new folder,
        // as its subfolders do (0777 less the umask).
        fs::permissions(temp, fs::perms(0777 & ~processUmask()), fs::perm_options::replace);
        fs::create_directories(temp / "device");
        fs::create_directories(temp / "edge");
        const auto triton = temp / "triton" / (info.name + "_tail");
        fs::create_directories(triton / "1");
        // Each half records its input shape, as Cleave's own files do: cleave-cli reads a half
        // without --input.
        graph::saveModule(head, (temp / "device" / "head.pt").string(), info.inputShape);
        graph::saveModule(tail, (temp / "edge" / "tail.pt").string(), info.wireShapes.front());
        fs::copy_file(temp / "edge" / "tail.pt", triton / "1" / "model.pt");
        writeText(triton / "config.pbtxt", tritonConfig(info));

        // "wire" as bundles of one tensor always had it (the first, and all the bytes);
        // "wire_tensors" each.
        int64_t wireBytes = 0;
        nlohmann::json wireTensors = nlohmann::json::array();
        for (const auto &shape : info.wireShapes) {
            const int64_t bytes = graph::elementCount(shape) * elementBytes(info.dtype);
            wireTensors.push_back({{"shape", shape}, {"dtype", info.dtype}, {"bytes", bytes}});
            wireBytes += bytes;
        }
        nlohmann::json manifest{
            {"format", "cleave-bundle/1"},
            {"cleave_version", info.cleaveVersion},
            {"model", {{"name", info.model}, {"sha256", info.modelSha256}}},
            {"split", info.split},
            {"tl", info.tl.empty() ? nlohmann::json(nullptr) : nlohmann::json(info.tl)},
            {"codec", info.codec},
            {"input", {{"shape", info.inputShape}, {"dtype", info.dtype}}},
            {"wire",
             {{"shape", info.wireShapes.front()}, {"dtype", info.dtype}, {"bytes", wireBytes}}},
            {"wire_tensors", wireTensors},
            {"output", {{"shape", info.outputShape}, {"dtype", info.dtype}}},
            {"files",
             {{"head", "device/head.pt"},
              {"tail", "edge/tail.pt"},
              {"triton", "triton/" + info.name + "_tail"}}},
            {"predicted_latency_s", info.predictedLatency_s
                                        ? nlohmann::json(*info.predictedLatency_s)
                                        : nlohmann::json(nullptr)},
            {"predicted_on", info.predictedOn},
            {"training", info.training}};
        writeText(temp / "manifest.json", manifest.dump(2) + "\n");
        writeText(temp / "README.md", readme(info));
        if (fs::exists(target))
            fs::remove_all(target);
        fs::rename(temp, target);
    } catch (const Error &) {
        fs::remove_all(temp, ec);
        throw;
    } catch (const std::exception &e) {
        fs::remove_all(temp, ec);
        throw Error(ErrorKind::Unavailable,
                    dir + ": cannot write the bundle (" + oneLineReason(e.what()) + ")");
    }
}

BundleInfo readBundleInfo(const std::string &dir)
{
    const fs::path manifest = fs::path(dir) / "manifest.json";
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error(ErrorKind::NotFound, dir + ": no such bundle folder");
    std::ifstream in(manifest);
    if (!in)
        throw Error(ErrorKind::NotFound, manifest.string() + ": missing (not a Cleave bundle)");
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || doc.value("format", "") != "cleave-bundle/1")
        throw Error(ErrorKind::InvalidInput,
                    manifest.string() + ": not a Cleave bundle manifest (format cleave-bundle/1)");
    BundleInfo info;
    try {
        info.model = doc.at("model").at("name").get<std::string>();
        info.modelSha256 = doc.at("model").at("sha256").get<std::string>();
        info.split = doc.at("split").get<int>();
        info.tl = doc.at("tl").is_null() ? std::string() : doc.at("tl").get<std::string>();
        info.codec = doc.at("codec").get<std::string>();
        info.inputShape = doc.at("input").at("shape").get<graph::Shape>();
        // Bundles of one tensor written before "wire_tensors" have "wire" alone.
        if (doc.contains("wire_tensors"))
            for (const auto &t : doc.at("wire_tensors"))
                info.wireShapes.push_back(t.at("shape").get<graph::Shape>());
        else
            info.wireShapes = {doc.at("wire").at("shape").get<graph::Shape>()};
        if (info.wireShapes.empty())
            throw Error(ErrorKind::InvalidInput,
                        manifest.string() + ": wire_tensors is empty (the head sends nothing)");
        info.outputShape = doc.at("output").at("shape").get<graph::Shape>();
        info.training = doc.value("training", nlohmann::json());
        info.cleaveVersion = doc.value("cleave_version", "");
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorKind::InvalidInput,
                    manifest.string() + ": " + oneLineReason(e.what()) + " (a damaged manifest)");
    }
    return info;
}

std::string fineTuningText(int epochs, double learningRate, int64_t trainImages, bool afterCutOnly)
{
    char rate[32];
    std::snprintf(rate, sizeof rate, "%g", learningRate);
    return std::to_string(epochs) + (epochs == 1 ? " epoch" : " epochs") + ", lr " + rate + ", " +
           std::to_string(trainImages) + " images" + (afterCutOnly ? ", after the cut" : "");
}

std::string fineTuningText(const nlohmann::json &training)
{
    if (!training.is_object())
        return {};
    return fineTuningText(training.value("epochs", 0), training.value("learning_rate", 0.0),
                          training.value("train_images", int64_t(0)),
                          training.value("layers", "") == "after the cut");
}

} // namespace cleave::bundle
