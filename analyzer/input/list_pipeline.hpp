// SPDX-License-Identifier: Apache-2.0
// A JSON List's items decoded on a second core while simdjson reads the next ones.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "analyzer/input/json_reader.hpp"

namespace rbacq::analyzer {

/// Hands the items to `inner` on a thread of its own, in batches and in order, so that reading
/// (simdjson and the tree of each item) and decoding (the typed objects, the store) overlap: a
/// large dump then loads in about the time of the slower half. `inner` sees exactly the calls it
/// would see without the pipeline, in the same order — begin, end and abandon on the caller's
/// thread, the items on the worker's, never two at once — so the result is the same.
/// An exception an item throws (out of memory) is rethrown by the next next_item(), end() or
/// abandon(). When no thread can be started the items go to `inner` directly (and its exceptions
/// come out of item()).
class PipelinedItems final : public ListItems {
 public:
  explicit PipelinedItems(ListItems& inner) : inner_(inner) {}
  ~PipelinedItems() override;
  PipelinedItems(const PipelinedItems&) = delete;
  PipelinedItems& operator=(const PipelinedItems&) = delete;

  void begin(std::string_view kind, std::string_view api_version, const Document& like) override;
  Document& next_item() override;
  void item(Document& item) override;
  void end(const Document& root) override;
  void abandon() override;

 private:
  static constexpr std::size_t kBatchItems = 128;
  static constexpr std::size_t kBatches = 4;  // how far reading may run ahead of decoding
  struct Batch {
    std::vector<Document> items;
    std::size_t used = 0;
  };
  void work();
  void hand_over();
  /// Stops the worker: after the batches handed over (`finish`) or at once; rethrows its failure.
  void stop(bool finish);

  ListItems& inner_;
  std::vector<std::unique_ptr<Batch>> batches_;
  Batch* filling_ = nullptr;
  bool direct_ = false;  // no worker: items go to inner_ as they come
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch*> full_;
  std::vector<Batch*> free_;
  bool finishing_ = false;
  bool cancelled_ = false;
  std::exception_ptr failure_;
  std::thread worker_;
};

}  // namespace rbacq::analyzer
