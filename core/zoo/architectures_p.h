// SPDX-License-Identifier: GPL-3.0-or-later
// The architectures of the zoo; each returns the model's root module. Internal to core/zoo.
#pragma once

#include "core/zoo/builder.h"

namespace cleave::zoo::arch {

/// torchvision ResNet (v1.5: stride on the 3x3 convolution): depth 18, 34, 50, 101 or 152.
torch::jit::Module resnet(Builder &b, int depth, int classes);
/// torchvision DenseNet-BC: depth 121, 169 or 201. Each dense layer concatenates its output
/// to its input, so every dense layer and every transition ends at a cut.
torch::jit::Module densenet(Builder &b, int depth, int classes);
/// torchvision Inception v3 without the auxiliary classifier.
torch::jit::Module inceptionV3(Builder &b, int classes);
/// Keras Inception-ResNet-v2 (BatchNorm without scale, biased 1x1 up-projections).
torch::jit::Module inceptionResnetV2(Builder &b, int classes);
/// torchvision MobileNetV2 (width 1.0).
torch::jit::Module mobilenetV2(Builder &b, int classes);
/// torchvision VGG-16 without BatchNorm.
torch::jit::Module vgg16(Builder &b, int classes);
/// U-Net (Ronneberger et al.) with four levels from 32 to 512 channels, padded convolutions,
/// BatchNorm and transposed-convolution upsampling: `classes` maps of the input's size.
torch::jit::Module unet(Builder &b, int classes);
/// A small CNN for grey images (Fashion-MNIST 28x28, surface inspection 64x64).
torch::jit::Module inspectNet(Builder &b, int classes);

} // namespace cleave::zoo::arch
