// SPDX-License-Identifier: Apache-2.0
#include "analyzer/input/list_pipeline.hpp"

#include <system_error>

namespace rbacq::analyzer {

PipelinedItems::~PipelinedItems() {
  if (!worker_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    cancelled_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

void PipelinedItems::begin(std::string_view kind, std::string_view api_version, const Document& like) {
  inner_.begin(kind, api_version, like);
  for (std::size_t b = 0; b < kBatches; ++b) {
    auto batch = std::make_unique<Batch>();
    batch->items.reserve(kBatchItems);
    for (std::size_t i = 0; i < kBatchItems; ++i) batch->items.push_back(like.empty_like());
    free_.push_back(batch.get());
    batches_.push_back(std::move(batch));
  }
  try {
    worker_ = std::thread([this] { work(); });
  } catch (const std::system_error&) {
    direct_ = true;  // no thread to be had: decode as the items come
  }
}

Document& PipelinedItems::next_item() {
  if (filling_ != nullptr && filling_->used == filling_->items.size()) hand_over();
  if (filling_ == nullptr) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !free_.empty(); });
    // Decoding failed (out of memory): stop reading now rather than at the end of a large file.
    // The destructor stops the worker; end() and abandon() are not called after this.
    if (failure_) std::rethrow_exception(failure_);
    filling_ = free_.back();
    free_.pop_back();
  }
  Document& next = filling_->items[filling_->used];
  next.clear();
  return next;
}

void PipelinedItems::item(Document& item) {
  if (direct_) {
    inner_.item(item);
    return;  // the same document is filled again
  }
  ++filling_->used;
}

void PipelinedItems::hand_over() {
  {
    const std::lock_guard lock(mutex_);
    full_.push_back(filling_);
  }
  filling_ = nullptr;
  changed_.notify_all();
}

void PipelinedItems::work() {
  bool failed = false;
  for (;;) {
    Batch* batch = nullptr;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return cancelled_ || finishing_ || !full_.empty(); });
      if (cancelled_ || full_.empty()) return;  // cancelled, or finishing with nothing left
      batch = full_.front();
      full_.pop_front();
    }
    if (!failed) {
      try {
        for (std::size_t i = 0; i < batch->used; ++i) inner_.item(batch->items[i]);
      } catch (...) {
        failed = true;  // the rest is only given back, so that reading never waits forever
        const std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
      }
    }
    {
      const std::lock_guard lock(mutex_);
      batch->used = 0;
      free_.push_back(batch);
    }
    changed_.notify_all();
  }
}

void PipelinedItems::stop(bool finish) {
  if (filling_ != nullptr && filling_->used != 0 && finish && !direct_) hand_over();
  if (worker_.joinable()) {
    {
      const std::lock_guard lock(mutex_);
      (finish ? finishing_ : cancelled_) = true;
    }
    changed_.notify_all();
    worker_.join();
  }
  if (failure_) std::rethrow_exception(failure_);
}

void PipelinedItems::end(const Document& root) {
  stop(true);
  inner_.end(root);
}

void PipelinedItems::abandon() {
  stop(false);
  inner_.abandon();
}

}  // namespace rbacq::analyzer
