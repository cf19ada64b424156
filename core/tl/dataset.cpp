// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tl/dataset.h"

#include "core/error.h"

#include <stb_image.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace cleave::tl {

namespace fs = std::filesystem;

namespace {

Error invalid(const std::string &what, const std::string &why)
{
    return Error(ErrorKind::InvalidInput, what + ": " + why);
}

/// A gzip file, or a plain one (zlib reads both).
class GzFile
{
public:
    explicit GzFile(const std::string &path)
        : m_path(path)
    {
        if (!fs::is_regular_file(path))
            throw Error(ErrorKind::NotFound, path + ": no such file");
        m_file = gzopen(path.c_str(), "rb");
        if (!m_file)
            throw invalid(path, "cannot be opened");
    }
    ~GzFile() { gzclose(m_file); }
    GzFile(const GzFile &) = delete;
    GzFile &operator=(const GzFile &) = delete;

    void read(void *data, size_t bytes, const char *what)
    {
        auto *out = static_cast<unsigned char *>(data);
        while (bytes > 0) {
            const unsigned chunk = unsigned(std::min<size_t>(bytes, 1u << 30));
            const int got = gzread(m_file, out, chunk);
            if (got <= 0)
                throw invalid(m_path, std::string("truncated or corrupt while reading ") + what);
            out += got;
            bytes -= size_t(got);
        }
    }
    uint32_t bigEndian32(const char *what)
    {
        unsigned char b[4];
        read(b, 4, what);
        return uint32_t(b[0]) << 24 | uint32_t(b[1]) << 16 | uint32_t(b[2]) << 8 | b[3];
    }

private:
    std::string m_path;
    gzFile m_file = nullptr;
};

constexpr uint32_t kIdxImages = 0x803; // unsigned bytes, three dimensions
constexpr uint32_t kIdxLabels = 0x801; // unsigned bytes, one dimension
constexpr uint32_t kMaxItems = 10'000'000;
constexpr uint32_t kMaxSide = 4096;

std::string hex(uint32_t v)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%x", v);
    return text;
}

} // namespace

Dataset loadIdx(const std::string &imagesFile, const std::string &labelsFile, int classes,
                int64_t limit, double mean, double stddev)
{
    GzFile images(imagesFile);
    if (const auto magic = images.bigEndian32("the header"); magic != kIdxImages)
        throw invalid(imagesFile,
                      "not an IDX image file (magic " + hex(magic) + ", expected 0x803)");
    const uint32_t count = images.bigEndian32("the header");
    const uint32_t rows = images.bigEndian32("the header");
    const uint32_t cols = images.bigEndian32("the header");
    if (count == 0 || count > kMaxItems || rows == 0 || cols == 0 || rows > kMaxSide ||
        cols > kMaxSide)
        throw invalid(imagesFile, "implausible sizes " + std::to_string(count) + " x " +
                                      std::to_string(rows) + " x " + std::to_string(cols));
    GzFile labels(labelsFile);
    if (const auto magic = labels.bigEndian32("the header"); magic != kIdxLabels)
        throw invalid(labelsFile,
                      "not an IDX label file (magic " + hex(magic) + ", expected 0x801)");
    const uint32_t labelCount = labels.bigEndian32("the header");
    if (labelCount != count)
        throw invalid(labelsFile, std::to_string(labelCount) + " labels for " +
                                      std::to_string(count) + " images in " + imagesFile);
    const int64_t n = limit > 0 ? std::min<int64_t>(limit, count) : count;

    auto pixels = torch::empty({n, 1, int64_t(rows), int64_t(cols)}, torch::kUInt8);
    images.read(pixels.data_ptr(), size_t(pixels.numel()), "the pixels");
    auto labelBytes = torch::empty({n}, torch::kUInt8);
    labels.read(labelBytes.data_ptr(), size_t(n), "the labels");
    const auto *l = labelBytes.data_ptr<uint8_t>();
    for (int64_t i = 0; i < n; ++i)
        if (l[i] >= classes)
            throw invalid(labelsFile, "label " + std::to_string(l[i]) + " of item " +
                                          std::to_string(i) + " is out of range 0.." +
                                          std::to_string(classes - 1));
    Dataset d;
    d.name = fs::path(imagesFile).filename().string();
    d.images = (pixels.to(torch::kFloat32) / 255.0 - mean) / stddev;
    d.labels = labelBytes.to(torch::kInt64);
    d.classes = classes;
    return d;
}

Dataset loadFashionMnist(const std::string &dir, bool train, int64_t limit)
{
    if (!fs::is_directory(dir))
        throw Error(ErrorKind::NotFound, dir + ": no such folder (install dataset-fashion-mnist)");
    const std::string prefix = train ? "train" : "t10k";
    const auto find = [&](const std::string &stem) {
        for (const auto *suffix : {".gz", ""}) {
            const auto path = fs::path(dir) / (prefix + "-" + stem + suffix);
            if (fs::exists(path))
                return path.string();
        }
        throw Error(ErrorKind::NotFound, dir + ": no " + prefix + "-" + stem + "(.gz) in it");
    };
    const auto images = find("images-idx3-ubyte");
    const auto labels = find("labels-idx1-ubyte");
    auto d = loadIdx(images, labels, 10, limit, 0.2860, 0.3530);
    d.name = std::string("fashion-mnist/") + (train ? "train" : "test");
    return d;
}

Dataset loadImageFolder(const std::string &dir, const ImageOptions &options)
{
    if (!fs::is_directory(dir))
        throw Error(ErrorKind::NotFound, dir + ": no such folder");
    if (options.channels != 1 && options.channels != 3)
        throw invalid(dir, "images must be read as 1 or 3 channels");
    std::vector<std::string> classes;
    for (const auto &entry : fs::directory_iterator(dir))
        if (entry.is_directory())
            classes.push_back(entry.path().filename().string());
    std::sort(classes.begin(), classes.end());
    std::vector<std::pair<std::string, int>> files;
    for (size_t c = 0; c < classes.size(); ++c) {
        std::vector<std::string> images;
        for (const auto &entry : fs::directory_iterator(fs::path(dir) / classes[c])) {
            auto ext = entry.path().extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
            if (entry.is_regular_file() && (ext == ".png" || ext == ".jpg" || ext == ".jpeg"))
                images.push_back(entry.path().string());
        }
        std::sort(images.begin(), images.end());
        for (auto &i : images)
            files.emplace_back(std::move(i), int(c));
    }
    if (files.empty())
        throw invalid(dir, "no PNG or JPEG images in class folders (expected DIR/CLASS/IMAGE.png)");
    // A limit takes images spread over the list (sorted by class), so every class is in it.
    if (options.limit > 0 && int64_t(files.size()) > options.limit) {
        decltype(files) spread;
        for (int64_t j = 0; j < options.limit; ++j)
            spread.push_back(files[size_t(j * int64_t(files.size()) / options.limit)]);
        files = std::move(spread);
    }

    const int64_t n = int64_t(files.size());
    auto images = torch::empty({n, options.channels, options.height, options.width});
    auto labels = torch::empty({n}, torch::kInt64);
    for (int64_t i = 0; i < n; ++i) {
        const auto &[path, label] = files[size_t(i)];
        int w = 0, h = 0, present = 0;
        std::unique_ptr<stbi_uc, void (*)(void *)> pixels(
            stbi_load(path.c_str(), &w, &h, &present, options.channels), stbi_image_free);
        if (!pixels)
            throw invalid(path,
                          std::string("cannot decode the image (") + stbi_failure_reason() + ")");
        if (!options.resize &&
            (present != options.channels || h != options.height || w != options.width))
            throw invalid(path, std::to_string(present) + " channel(s) of " + std::to_string(w) +
                                    "x" + std::to_string(h) + ", but the model takes " +
                                    std::to_string(options.channels) + " of " +
                                    std::to_string(options.width) + "x" +
                                    std::to_string(options.height) + " (--resize converts)");
        const auto hwc = torch::from_blob(pixels.get(), {h, w, options.channels}, torch::kUInt8);
        auto chw = hwc.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32) / 255.0;
        if (h != options.height || w != options.width)
            chw = at::upsample_bilinear2d(chw, {options.height, options.width}, false);
        images[i] = (chw[0] - options.mean) / options.stddev;
        labels[i] = label;
    }
    Dataset d;
    d.name = fs::path(dir).filename().string();
    d.images = images;
    d.labels = labels;
    d.classes = int(classes.size());
    d.classNames = classes;
    return d;
}

ImageOptions imageOptionsFor(const graph::Shape &input)
{
    ImageOptions images;
    if (input.size() == 4) {
        images.channels = int(input[1]);
        images.height = int(input[2]);
        images.width = int(input[3]);
    }
    return images;
}

namespace {

// The IDX images file of a Fashion-MNIST folder's test split.
std::string idxImages(const std::string &dir)
{
    for (const auto *suffix : {"-images-idx3-ubyte.gz", "-images-idx3-ubyte"})
        if (fs::exists(fs::path(dir) / (std::string("t10k") + suffix)))
            return (fs::path(dir) / (std::string("t10k") + suffix)).string();
    return {};
}

} // namespace

DataShape peekDataset(const std::string &spec)
{
    const std::string dir = spec == "fashion-mnist" ? kFashionMnistDir : spec;
    if (!fs::is_directory(dir))
        throw Error(ErrorKind::NotFound,
                    spec + ": no such folder (give fashion-mnist, a folder of IDX files, or an "
                           "ImageFolder)");
    DataShape shape;
    shape.name = spec;
    if (const auto images = idxImages(dir); !images.empty()) {
        GzFile file(images);
        if (file.bigEndian32("the magic number") != kIdxImages)
            throw invalid(images, "not an IDX image file");
        file.bigEndian32("the image count");
        shape.channels = 1;
        shape.height = file.bigEndian32("the height");
        shape.width = file.bigEndian32("the width");
        shape.classes = 10; // Fashion-MNIST's, as loadFashionMnist reads it
        return shape;
    }
    const auto test = fs::path(dir) / "test";
    shape.resized = true;
    for (const auto &entry : fs::directory_iterator(fs::is_directory(test) ? test : fs::path(dir)))
        shape.classes += entry.is_directory() ? 1 : 0;
    return shape;
}

std::string dataMismatch(const DataShape &data, const graph::Shape &input,
                         const graph::Shape &output)
{
    const int64_t classes = output.empty() ? 0 : output.back();
    if (input.size() != 4)
        return data.name + ": the model's input " + graph::formatShape(input) +
               " is not a batch of images (N x C x H x W)";
    if (!data.resized &&
        (data.channels != input[1] || data.height != input[2] || data.width != input[3]))
        return data.name + ": its images are " + std::to_string(data.channels) + "x" +
               std::to_string(data.height) + "x" + std::to_string(data.width) +
               " and the model takes " + std::to_string(input[1]) + "x" + std::to_string(input[2]) +
               "x" + std::to_string(input[3]) + " (an image folder is resized to fit)";
    if (data.classes > classes)
        return data.name + ": " + std::to_string(data.classes) +
               " classes, but the model's output tells " + std::to_string(classes) + " apart";
    return {};
}

Dataset openDataset(const std::string &spec, bool train, const ImageOptions &options, int64_t limit)
{
    if (spec == "fashion-mnist")
        return loadFashionMnist(kFashionMnistDir, train, limit);
    if (!fs::is_directory(spec))
        throw Error(ErrorKind::NotFound,
                    spec + ": no such folder (give fashion-mnist, a folder of IDX files, or an "
                           "ImageFolder)");
    const std::string prefix = train ? "train" : "t10k";
    for (const auto *suffix : {"-images-idx3-ubyte.gz", "-images-idx3-ubyte"})
        if (fs::exists(fs::path(spec) / (prefix + suffix)))
            return loadFashionMnist(spec, train, limit);
    auto folderOptions = options;
    folderOptions.limit = limit;
    const auto split = fs::path(spec) / (train ? "train" : "test");
    if (!fs::is_directory(split))
        return loadImageFolder(spec, folderOptions);
    // Named as Fashion-MNIST's splits are: "folder/test".
    auto d = loadImageFolder(split.string(), folderOptions);
    d.name = fs::path(spec).lexically_normal().filename().string();
    if (d.name.empty())
        d.name = fs::path(spec).lexically_normal().parent_path().filename().string();
    d.name += "/" + split.filename().string();
    return d;
}

} // namespace cleave::tl
