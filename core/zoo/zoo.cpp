// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/zoo/zoo.h"

#include "core/error.h"
#include "core/zoo/architectures_p.h"

namespace cleave::zoo {

using torch::jit::Module;

namespace {

const graph::Shape kImageNet{1, 3, 224, 224};
const graph::Shape kInception{1, 3, 299, 299};

} // namespace

const std::vector<ZooModel> &models()
{
    static const std::vector<ZooModel> all{
        {"resnet18", "ResNet-18 (torchvision)", kImageNet, 11'689'512, 32},
        {"resnet50", "ResNet-50 (torchvision)", kImageNet, 25'557'032, 32},
        {"resnet101", "ResNet-101 (torchvision)", kImageNet, 44'549'160, 32},
        {"resnet152", "ResNet-152 (torchvision)", kImageNet, 60'192'808, 32},
        {"densenet121", "DenseNet-121 (torchvision)", kImageNet, 7'978'856, 32},
        {"densenet169", "DenseNet-169 (torchvision)", kImageNet, 14'149'480, 32},
        {"densenet201", "DenseNet-201 (torchvision)", kImageNet, 20'013'928, 32},
        {"inception_v3", "Inception v3 without auxiliary head (torchvision)", kInception,
         23'834'568, 75},
        {"inception_resnet_v2", "Inception-ResNet-v2 (Keras)", kInception, 55'813'192, 75},
        {"mobilenet_v2", "MobileNetV2 (torchvision)", kImageNet, 3'504'872, 32},
        {"vgg16", "VGG-16 (torchvision)", kImageNet, 138'357'544, 32},
        {"inspectnet",
         "InspectNet: small CNN for grey 28x28 or 64x64 images",
         {1, 1, 28, 28},
         140'458,
         8,
         10},
        {"unet",
         "U-Net: segmentation, 4 levels, skip concatenations",
         {1, 3, 256, 256},
         7'763'074,
         16,
         2},
    };
    return all;
}

const ZooModel *tryFind(const std::string &name)
{
    for (const auto &m : models())
        if (m.name == name)
            return &m;
    return nullptr;
}

const ZooModel &find(const std::string &name)
{
    if (const auto *m = tryFind(name))
        return *m;
    std::string valid;
    for (const auto &m : models())
        valid += (valid.empty() ? "" : ", ") + m.name;
    throw Error(ErrorKind::InvalidInput,
                "zoo:" + name + ": unknown zoo model (valid names: " + valid + ")");
}

void checkInput(const ZooModel &model, const graph::Shape &input)
{
    const auto shape = graph::formatShape(input);
    const auto fail = [&](const std::string &why) {
        return Error(ErrorKind::InvalidInput, "zoo:" + model.name + ": input " + shape + " " + why);
    };
    if (input.size() != 4)
        throw fail("is not NxCxHxW");
    if (input[1] != model.defaultInput[1])
        throw fail("has " + std::to_string(input[1]) + " channels; the architecture takes " +
                   std::to_string(model.defaultInput[1]));
    if (input[2] < model.minSide || input[3] < model.minSide)
        throw fail("is too small; the architecture needs at least " +
                   std::to_string(model.minSide) + "x" + std::to_string(model.minSide));
}

Module build(const std::string &name, uint64_t seed, const std::optional<graph::Shape> &input)
{
    const auto &model = find(name);
    if (input)
        checkInput(model, *input);
    Builder b(seed);
    const int classes = model.classes;
    Module root;
    if (name.rfind("resnet", 0) == 0)
        root = arch::resnet(b, std::stoi(name.substr(6)), classes);
    else if (name.rfind("densenet", 0) == 0)
        root = arch::densenet(b, std::stoi(name.substr(8)), classes);
    else if (name == "inception_v3")
        root = arch::inceptionV3(b, classes);
    else if (name == "inception_resnet_v2")
        root = arch::inceptionResnetV2(b, classes);
    else if (name == "mobilenet_v2")
        root = arch::mobilenetV2(b, classes);
    else if (name == "vgg16")
        root = arch::vgg16(b, classes);
    else if (name == "unet")
        root = arch::unet(b, classes);
    else
        root = arch::inspectNet(b, classes);
    // Small batches at a small size are enough for per-channel statistics of noise, and cheap.
    const int64_t side = std::max<int64_t>(2 * model.minSide, 64);
    b.calibrateBatchNorm(root, {4, model.defaultInput[1], side, side});
    return root;
}

std::optional<std::string> zooName(const std::string &spec)
{
    static const std::string prefix = "zoo:";
    if (spec.rfind(prefix, 0) != 0)
        return std::nullopt;
    return spec.substr(prefix.size());
}

graph::ModelGraph openModel(const std::string &spec, const std::optional<graph::Shape> &input,
                            uint64_t seed, graph::ModelGraph::Original original,
                            const graph::CutOptions &cutting)
{
    const auto name = zooName(spec);
    if (!name)
        return graph::ModelGraph::load(spec, input, original, cutting);
    const auto &model = find(*name);
    const auto shape = input.value_or(model.defaultInput);
    // The built module is a temporary, so it never needs cloning.
    return graph::ModelGraph::fromModule(build(*name, seed, shape), spec, shape, original, cutting);
}

} // namespace cleave::zoo
