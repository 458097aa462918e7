// `naqsha extract`: articles in, one NDJSON event per line out.
#include "app/article_batcher.hpp"
#include "app/article_ids.hpp"
#include "app/bounded_queue.hpp"
#include "app/command.hpp"
#include "app/day_option.hpp"
#include "app/exit_codes.hpp"
#include "app/in_order_sink.hpp"
#include "app/jobs_option.hpp"
#include "app/no_articles.hpp"
#include "app/option_limits.hpp"
#include "app/publication_dates.hpp"
#include "app/queue_workers.hpp"
#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "extract/article.hpp"
#include "extract/event_json.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/gazetteer.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace naqsha::app {
namespace {

namespace ex = naqsha::extract;

// Writes NDJSON to a file (atomically: complete or not at all) or to standard output.
class ndjson_sink {
public:
    explicit ndjson_sink(const std::string& path) {
        if (!path.empty() && path != "-") file_.emplace(path);
        buffer_.reserve(1 << 20);
    }
    void append(std::string_view lines) {
        buffer_ += lines;
        if (buffer_.size() >= (1 << 20)) flush();
    }
    void flush() {
        if (buffer_.empty()) return;
        if (file_) file_->write(buffer_);
        else if (std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size())
            throw output_error("standard output: write failed");
        buffer_.clear();
    }
    void commit() {
        flush();
        if (file_) file_->commit();
        else std::fflush(stdout);
    }

private:
    std::optional<atomic_file> file_;
    std::string buffer_;
};

class extract_command final : public command {
public:
    void declare(CLI::App& sub) override {
        sub.description(
            "Read news reports and press releases and write the events they report as NDJSON, one event per line "
            "(fields in docs/event-schema.md). Inputs are text files, directories (read recursively, in sorted "
            "order), NDJSON files (.ndjson/.jsonl: {id, published, url, source, title, text} per line) or - for "
            "standard input. An input that cannot be read is named on stderr and skipped; the others are "
            "processed and the exit status is 1.");
        sub.add_option("INPUT", inputs_, "Article files, directories, NDJSON files, or - for standard input")->required();
        sub.add_option("-o,--output", output_, "Write events here instead of standard output (replaced atomically)");
        sub.add_option("--published", published_,
                       "Publication date (YYYY-MM-DD) for every input, overriding metadata, headers and datelines");
        sub.add_option("--claims", claims_,
                       "Also write many-district claims (\"61 out of 407 districts\") as NDJSON to this file");
        sub.add_option("--format", format_, "How to read inputs: auto (by extension and content), text, ndjson")
            ->check(CLI::IsMember({"auto", "text", "ndjson"}))
            ->capture_default_str();
        sub.add_flag("--no-background", no_background_, "Leave out events the articles only recall");
        sub.add_flag("--explain", explain_,
                     "Print to stderr how each sentence was read: dates, places, sources, casualty figures, incidents");
        sub.add_option("--boundary-set", boundary_set_, "Boundary set mapping for place resolution")->capture_default_str();
        add_jobs_option(sub, jobs_,
                        "Extraction threads; events, claims and messages come out in input order, the same bytes "
                        "for any number of threads");
    }

    int run(const global_options& global) override {
        if (auto problem = publication_date_problem(published_)) throw usage_error("--published: " + *problem);
        options_.published = published_.day;
        options_.background = !no_background_;
        options_.explain = explain_;
        gazetteer::load_options load;
        load.data_dir = global.data_dir;
        load.cache_dir = global.cache_dir;
        load.boundary_set = boundary_set_;
        const auto gaz = gazetteer::gazetteer::load(load);
        quiet_ = global.quiet;

        ndjson_sink events(output_);
        std::unique_ptr<ndjson_sink> claims;
        if (!claims_.empty()) claims = std::make_unique<ndjson_sink>(claims_);
        std::size_t articles = 0, failed = 0, written = 0;
        const unsigned jobs = resolved_jobs(jobs_);
        in_order_sink<batch_output> sink(2 * std::size_t{jobs} + 4, [&](batch_output&& out) {
            articles += out.articles;
            failed += out.failed;
            written += out.event_count;
            events.append(out.events);
            if (claims) claims->append(out.claims);
            if (!out.messages.empty()) std::cerr << out.messages << std::flush;
        });

        bounded_queue<std::pair<std::size_t, batch>> queue(2 * std::size_t{jobs});
        queue_workers workers(queue); // declared last: joined before anything it uses goes
        if (jobs > 1)
            for (unsigned i = 0; i < jobs; ++i)
                workers.start([&] {
                    // Anything thrown here is not about one article (out of memory, a bug): it ends the run.
                    try {
                        while (auto item = queue.pop()) sink.put(item->first, extract_batch(item->second, gaz));
                    } catch (...) {
                        sink.fail(std::current_exception());
                    }
                });

        // One thread takes each input as it comes; several take batches (app/article_batcher.hpp).
        std::size_t next_seq = 0;
        article_batcher<batch_entry> batcher(jobs == 1 ? 1 : batch_max_entries, [&](batch&& b) {
            const std::size_t seq = next_seq++;
            sink.wait_for_turn(seq);
            if (jobs == 1) sink.put(seq, extract_batch(b, gaz));
            else queue.push({seq, std::move(b)});
        });
        ex::read_callbacks callbacks;
        article_ids ids;
        callbacks.on_article = [&](ex::article&& a) {
            const auto claim = ids.claim(a.id, a.text, a.path);
            if (claim.kind == article_ids::verdict::other_text) {
                batcher.add({std::nullopt, "naqsha: input: " + article_ids::describe(a.id, a.path, claim) + "\n"}, 0);
                return;
            }
            if (claim.kind == article_ids::verdict::same_text) {
                if (!quiet_) batcher.add({std::nullopt, "naqsha: " + article_ids::describe(a.id, a.path, claim) + "\n", false}, 0);
                return;
            }
            const std::size_t bytes = a.text.size();
            batcher.add({std::move(a), {}}, bytes);
        };
        callbacks.on_error = [&](const std::string& where, const std::string& problem) {
            batcher.add({std::nullopt, "naqsha: input: " + where + ": " + problem + "\n"}, 0);
        };
        ex::read_inputs(inputs_, format_ == "text" ? ex::input_format::text
                                 : format_ == "ndjson" ? ex::input_format::ndjson
                                                       : ex::input_format::automatic,
                        callbacks);
        batcher.flush();
        workers.join();
        sink.rethrow_failure();
        if (articles == 0 && failed == 0) throw no_article_found(inputs_);
        events.commit();
        if (claims) claims->commit();
        if (global.verbose || (!global.quiet && failed))
            std::cerr << "naqsha: extract: " << articles << " articles, " << written << " events, " << failed
                      << " inputs rejected\n";
        return failed ? exit_partial : exit_success;
    }

private:
    // One input in reading order: an article, or an input the reader rejected or skipped (with its
    // message), so the messages keep their place among the articles' warnings.
    struct batch_entry {
        std::optional<ex::article> article;
        std::string message;
        bool rejected = true; // false: a note (an article given twice, read once)
    };
    using batch = std::vector<batch_entry>;

    // What a batch gives, formatted on the thread that extracted it and written in input order.
    struct batch_output {
        std::string events, claims; // NDJSON lines
        std::string messages;       // for stderr: warnings, the --explain trace, or why an input failed
        std::size_t event_count = 0;
        std::size_t articles = 0;   // inputs read as articles
        std::size_t failed = 0;     // inputs rejected, by the reader or the extractor
    };

    batch_output extract_batch(const batch& in, const gazetteer::gazetteer& gaz) const {
        batch_output out;
        for (const auto& entry : in) {
            if (entry.article) {
                ++out.articles;
                extract_one(*entry.article, gaz, out);
            } else {
                if (entry.rejected) ++out.failed;
                out.messages += entry.message;
            }
        }
        return out;
    }

    void extract_one(const ex::article& a, const gazetteer::gazetteer& gaz, batch_output& out) const {
        ex::article_result r;
        try {
            r = ex::extract_article(a, gaz, options_);
            if (auto problem = publication_date_problem(r.published))
                throw input_error(*problem + " (" + r.published_from + ")");
        } catch (const input_error& e) {
            ++out.failed;
            out.messages += "naqsha: input: " + a.path + ": " + e.what() + "\n";
            return;
        }
        for (const auto& e : r.events) {
            ex::append_json(out.events, e);
            out.events += '\n';
        }
        out.event_count += r.events.size();
        if (!claims_.empty())
            for (const auto& c : r.area_claims) {
                ex::append_json(out.claims, c);
                out.claims += '\n';
            }
        if (!quiet_)
            for (const auto& w : r.warnings) out.messages += "naqsha: warning: " + w + "\n";
        if (explain_) {
            out.messages += "== " + a.path + "\n";
            for (const auto& l : r.explanation) out.messages += l + "\n";
        }
    }

    ex::extract_options options_;
    bool quiet_ = false;
    unsigned jobs_ = 0;
    std::vector<std::string> inputs_;
    std::string output_;
    day_option published_;
    std::string claims_;
    std::string format_ = "auto";
    std::string boundary_set_ = "ocha-agcho-2018";
    bool no_background_ = false;
    bool explain_ = false;
};

} // namespace

std::unique_ptr<command> make_extract_command() { return std::make_unique<extract_command>(); }

} // namespace naqsha::app
