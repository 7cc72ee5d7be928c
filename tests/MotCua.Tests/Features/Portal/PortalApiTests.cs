using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Portal;

/// <summary>The citizen portal's API and the office's online intake, through their routes, on both databases.</summary>
public sealed class PortalApiTests
{
    private const string An = "001090123456";
    private const string Binh = "001303012345";
    private const string DaiMo = "001.00.61.H26";

    private static async Task<HttpResponseMessage> SubmitAsync(TestApp app, string citizen, object body, string? key = null)
    {
        using var client = await app.ClientForAsync(citizen);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/dossiers") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    public static async Task<string> SubmittedAsync(TestApp app, string citizen = An, string procedure = "2.000815", object? documents = null)
    {
        using var response = await SubmitAsync(app, citizen, new { procedureCode = procedure, office = DaiMo, answers = new Dictionary<string, string>(), documents = documents ?? Array.Empty<object>() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    private static async Task<JsonElement> GetJsonAsync(TestApp app, string user, string path)
    {
        using var client = await app.ClientForAsync(user);
        return await client.GetFromJsonAsync<JsonElement>(path);
    }

    private static async Task<HttpResponseMessage> PostAsync(TestApp app, string user, string path, object? body = null)
    {
        using var client = await app.ClientForAsync(user);
        return await client.PostAsJsonAsync(path, body ?? new { });
    }

    private static async Task<HttpStatusCode> StatusAsync(TestApp app, string user, string path)
    {
        using var client = await app.ClientForAsync(user);
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_citizen_signs_in_by_ID_number_sees_what_the_store_holds_and_staff_and_portal_routes_stay_apart(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var me = await GetJsonAsync(app, An, "/api/portal/me");
            Assert.Equal(An, me.GetProperty("idNumber").GetString());
            Assert.Equal("Nguyễn Văn An", me.GetProperty("fullName").GetString());
            var fields = me.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f);
            Assert.Equal("idCard", fields["fullName"].GetProperty("source").GetString());
            Assert.Equal("citizen", fields["phone"].GetProperty("source").GetString());
            Assert.Equal("1990-05-12", fields["dateOfBirth"].GetProperty("value").GetString());

            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, An, "/api/inbox"));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, An, $"/api/dossiers/{DaiMo}-270301-0001"));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, "canbo.trungvan", "/api/portal/me"));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(app, "canbo.trungvan", "/api/portal/dossiers"));

            // A citizen account is not a staff username, nor the other way round: the same 401 as a wrong password.
            using var anonymous = app.CreateClient();
            using var asStaff = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = An, password = TestApp.Password });
            Assert.Equal(HttpStatusCode.Unauthorized, asStaff.StatusCode);
            using var asCitizen = await anonymous.PostAsJsonAsync("/api/auth/token", new { idNumber = "001090999999", password = TestApp.Password });
            Assert.Equal(HttpStatusCode.Unauthorized, asCitizen.StatusCode);
            using var neither = await anonymous.PostAsJsonAsync("/api/auth/token", new { password = TestApp.Password });
            Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_submission_is_prefilled_from_the_store_checked_field_by_field_and_one_key_makes_one_application(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var body = new { procedureCode = "2.000815", office = DaiMo, answers = new Dictionary<string, string> { ["applicant.email"] = "an.moi@example.vn" } };
            using var first = await SubmitAsync(app, An, body, key: "k-1");
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            var created = await first.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("submitted", created.GetProperty("status").GetString());
            var reference = created.GetProperty("reference").GetString()!;
            Assert.Matches("^TT-[0-9A-Z]{10}$", reference);
            Assert.EndsWith($"/api/portal/dossiers/{reference}", first.Headers.Location!.ToString(), StringComparison.Ordinal);
            using var again = await SubmitAsync(app, An, body, key: "k-1");
            Assert.Equal(reference, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString());
            Assert.Single((await GetJsonAsync(app, An, "/api/portal/dossiers")).GetProperty("items").EnumerateArray());

            // What the store knew filled the form; the new e-mail is kept as the citizen's own observation.
            var mine = await GetJsonAsync(app, An, $"/api/portal/dossiers/{reference}");
            Assert.Equal("Nguyễn Văn An", mine.GetProperty("answers").GetProperty("applicant.fullName").GetString());
            Assert.Equal("Số 12 ngõ 68 phố Trung Văn, phường Đại Mỗ, Hà Nội", mine.GetProperty("answers").GetProperty("applicant.address").GetString());
            var email = (await GetJsonAsync(app, An, "/api/portal/me")).GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "email");
            Assert.Equal("an.moi@example.vn", email.GetProperty("value").GetString());

            async Task<JsonElement> ProblemAsync(object bad, HttpStatusCode expected)
            {
                using var response = await SubmitAsync(app, An, bad);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                return JsonDocument.Parse(text).RootElement.Clone();
            }

            var missing = await ProblemAsync(new { procedureCode = "1.001193", office = DaiMo, answers = new Dictionary<string, string> { ["applicant.email"] = "not-an-email", ["nonsense"] = "x" } }, HttpStatusCode.BadRequest);
            var errors = missing.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.Superset(new HashSet<string> { "answers.child.fullName", "answers.child.dateOfBirth", "answers.child.sex", "answers.child.placeOfBirth", "answers.applicant.email", "answers.nonsense" }, errors);
            Assert.DoesNotContain("answers.applicant.fullName", errors); // the store filled it
            var noCode = await ProblemAsync(new { office = DaiMo }, HttpStatusCode.BadRequest);
            Assert.True(noCode.GetProperty("errors").TryGetProperty("procedureCode", out _));
            var otherId = await ProblemAsync(new { procedureCode = "2.000815", office = DaiMo, answers = new Dictionary<string, string> { ["applicant.idNumber"] = Binh } }, HttpStatusCode.BadRequest);
            Assert.True(otherId.GetProperty("errors").TryGetProperty("answers.applicant.idNumber", out _));
            await ProblemAsync(new { procedureCode = "9.999999", office = DaiMo }, HttpStatusCode.NotFound);
            var notHere = await ProblemAsync(new { procedureCode = "1.009972", office = DaiMo }, HttpStatusCode.Conflict);
            Assert.Contains("không nhận hồ sơ trực tuyến", notHere.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Single((await GetJsonAsync(app, An, "/api/portal/dossiers")).GetProperty("items").EnumerateArray()); // nothing half-written
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Another_citizens_reference_and_document_read_as_missing(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var reference = await SubmittedAsync(app);
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(app, Binh, $"/api/portal/dossiers/{reference}"));
            using (var withdraw = await PostAsync(app, Binh, $"/api/portal/dossiers/{reference}/withdraw"))
            {
                Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
            }

            Assert.Empty((await GetJsonAsync(app, Binh, "/api/portal/dossiers")).GetProperty("items").EnumerateArray());

            var documentId = await UploadAsync(app, An, Builders.TestImages.QrPng("bản chính", 4), "ban-chinh.png");
            using var borrowed = await SubmitAsync(app, Binh, new { procedureCode = "2.000815", office = DaiMo, documents = new[] { new { documentType = "ban-chinh", documentId } } });
            Assert.Equal(HttpStatusCode.NotFound, borrowed.StatusCode);
        });
    }

    private static async Task<Guid> UploadAsync(TestApp app, string citizen, byte[] bytes, string name, string type = "ban-chinh")
    {
        using var client = await app.ClientForAsync(citizen);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name }, { new StringContent(type), "documentType" } };
        using var response = await client.PostAsync("/api/portal/documents", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_draft_is_saved_unfinished_kept_from_others_sent_once_and_the_messages_say_so(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var an = await app.ClientForAsync(An);
            using var saved = await an.PostAsJsonAsync("/api/portal/drafts", new { procedureCode = "2.000815", office = DaiMo, answers = new Dictionary<string, string> { ["applicant.phone"] = "0912 000 111" } });
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
            var reference = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
            Assert.Equal("draft", (await GetJsonAsync(app, An, $"/api/portal/dossiers/{reference}")).GetProperty("status").GetString());

            // Someone else's draft is not there for them, whatever they try.
            using var binh = await app.ClientForAsync(Binh);
            Assert.Equal(HttpStatusCode.NotFound, (await binh.GetAsync($"/api/portal/dossiers/{reference}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await binh.PutAsJsonAsync($"/api/portal/drafts/{reference}", new { procedureCode = "2.000815", office = DaiMo })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await binh.PostAsJsonAsync($"/api/portal/drafts/{reference}/submit", new { })).StatusCode);

            // A bad value is named even in a draft; a good one is kept.
            using var bad = await an.PutAsJsonAsync($"/api/portal/drafts/{reference}", new { procedureCode = "2.000815", office = DaiMo, answers = new Dictionary<string, string> { ["applicant.phone"] = "gọi tôi" } });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("answers.applicant.phone", out _));
            using var again = await an.PutAsJsonAsync($"/api/portal/drafts/{reference}", new { procedureCode = "2.000815", office = DaiMo, answers = new Dictionary<string, string> { ["applicant.phone"] = "0912 000 222" } });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);

            // Sent as saved, twice: one application, submitted once.
            using var sent = await an.PostAsJsonAsync($"/api/portal/drafts/{reference}/submit", new { });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Equal("submitted", (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            using var twice = await an.PostAsync($"/api/portal/drafts/{reference}/submit", null);
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
            var application = await GetJsonAsync(app, An, $"/api/portal/dossiers/{reference}");
            Assert.Equal("0912 000 222", application.GetProperty("answers").GetProperty("applicant.phone").GetString());
            Assert.Equal(1, application.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "submitted"));
            Assert.Equal(HttpStatusCode.NotFound, (await an.PutAsJsonAsync($"/api/portal/drafts/{reference}", new { procedureCode = "2.000815", office = DaiMo })).StatusCode);

            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<MotCua.Features.Notifications.OutboxDispatcher>().DispatchOnceAsync();
            }

            var messages = (await GetJsonAsync(app, An, "/api/portal/messages")).GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(messages, m => m.GetProperty("title").GetString()!.Contains(reference, StringComparison.Ordinal));
            Assert.DoesNotContain((await GetJsonAsync(app, Binh, "/api/portal/messages")).GetProperty("items").EnumerateArray(), m => m.GetProperty("title").GetString()!.Contains(reference, StringComparison.Ordinal));
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task An_upload_that_is_not_what_it_claims_is_refused_naming_the_file(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var client = await app.ClientForAsync(An);
            using var form = new MultipartFormDataContent { { new ByteArrayContent("not an image at all"u8.ToArray()), "file", "anh.png" } };
            using var response = await client.PostAsync("/api/portal/documents", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), problem.ToString());
            using var empty = new MultipartFormDataContent { { new StringContent("ban-chinh"), "documentType" } };
            using var none = await client.PostAsync("/api/portal/documents", empty);
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_office_receives_an_online_application_from_its_inbox_and_the_citizen_follows_it_and_sees_who_read_it(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            // Submitted on a Saturday: the legal time counts from the next working day (Monday), not from the officer's check on Tuesday.
            app.Clock.SetUtcNow(Flow.At(2027, 2, 27, 10));
            var documentId = await UploadAsync(app, An, Builders.TestImages.QrPng("bản chính giấy khai sinh", 4), "giay-khai-sinh.png");
            var reference = await SubmittedAsync(app, documents: new[] { new { documentType = "ban-chinh", documentId } });

            var inbox = await Flow.InboxAsync(app, "canbo.trungvan", "filter=online");
            Assert.Equal(1, inbox.GetProperty("counts").GetProperty("online").GetInt32());
            var item = inbox.GetProperty("items").EnumerateArray().Single();
            Assert.Equal(reference, item.GetProperty("reference").GetString());
            Assert.Equal("Nguyễn Văn An", item.GetProperty("applicantName").GetString());
            Assert.Empty((await Flow.InboxAsync(app, "canbo.phuongkhac", "filter=online")).GetProperty("items").EnumerateArray()); // another office
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(app, "canbo.phuongkhac", $"/api/online/{reference}"));
            Assert.Empty((await Flow.InboxAsync(app, "chuyenvien.trungvan", "filter=online")).GetProperty("items").EnumerateArray()); // not the intake's role

            app.Clock.SetUtcNow(Flow.At(2027, 3, 2, 9));
            var checkedView = await GetJsonAsync(app, "canbo.trungvan", $"/api/online/{reference}");
            Assert.Equal(documentId, checkedView.GetProperty("documents")[0].GetProperty("documentId").GetGuid());
            using var accepted = await PostAsync(app, "canbo.trungvan", $"/api/online/{reference}/accept", new { expectedVersion = checkedView.GetProperty("version").GetInt32() });
            var acceptedText = await accepted.Content.ReadAsStringAsync();
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, acceptedText);
            var code = JsonDocument.Parse(acceptedText).RootElement.GetProperty("code").GetString()!;
            Assert.Equal("2027-03-01", JsonDocument.Parse(acceptedText).RootElement.GetProperty("dueDate").GetString()); // same-day procedure, counted from Monday
            using (var twice = await PostAsync(app, "canbo.trungvan", $"/api/online/{reference}/accept"))
            {
                Assert.Equal(code, (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()); // one dossier, however often it is clicked
            }

            var dossier = await Flow.GetAsync(app, code);
            Assert.Equal("online", dossier.GetProperty("channel").GetString());
            Assert.Equal(new DateTimeOffset(2027, 2, 27, 10, 0, 0, TimeSpan.FromHours(7)), dossier.GetProperty("receivedAt").GetDateTimeOffset());
            Assert.Empty((await Flow.InboxAsync(app, "canbo.trungvan", "filter=online")).GetProperty("items").EnumerateArray());

            var mine = await GetJsonAsync(app, An, $"/api/portal/dossiers/{reference}");
            Assert.Equal(code, mine.GetProperty("code").GetString());
            Assert.NotEqual("submitted", mine.GetProperty("status").GetString());
            Assert.Contains(mine.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "receive");
            Assert.Equal(reference, (await GetJsonAsync(app, An, $"/api/portal/dossiers/{code}")).GetProperty("reference").GetString());
            using (var late = await PostAsync(app, An, $"/api/portal/dossiers/{reference}/withdraw"))
            {
                Assert.Equal(HttpStatusCode.Conflict, late.StatusCode); // received: the office stops it on a written request
            }

            // The result, decided, comes back electronically: a PDF signed by the agency, in the citizen's store, offered in the portal.
            await Flow.ToResultReadyAsync(app, code);
            using var portal = await Pages.SignedInAsync(app, An);
            var page = await portal.GetStringAsync($"/cong-dan/ho-so/{reference}");
            Assert.Contains("data-testid=\"result-link\"", page, StringComparison.Ordinal);
            var pdf = await portal.GetByteArrayAsync($"/cong-dan/ho-so/{reference}?handler=Result");
            AssertSignedPdf(pdf);
            Assert.Contains(code, Flow.PdfText(pdf), StringComparison.Ordinal);
            using (var stranger = await Pages.SignedInAsync(app, Binh))
            using (var theirs = await stranger.GetAsync($"/cong-dan/ho-so/{reference}?handler=Result"))
            {
                Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
            }

            var log = (await GetJsonAsync(app, An, "/api/portal/access-log")).GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(log, l => l.GetProperty("account").GetString() == "Nguyễn Thị Minh Thu" && l.GetProperty("unit").GetString()!.Contains("Đại Mỗ", StringComparison.Ordinal));
            Assert.Contains(log, l => l.GetProperty("what").GetString() == "Hồ sơ nộp trực tuyến");
            Assert.Contains(log, l => l.GetProperty("purpose").GetString()!.Contains(code, StringComparison.Ordinal)); // GET /api/dossiers/{code} logged too
            Assert.DoesNotContain(log, l => l.GetProperty("account").GetString()!.Contains('.', StringComparison.Ordinal)); // names, not usernames
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_supplement_asked_is_answered_online_and_comes_back_a_refusal_needs_its_reason_and_a_waiting_application_can_be_withdrawn(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var reference = await SubmittedAsync(app);
            using (var noNote = await PostAsync(app, "canbo.trungvan", $"/api/online/{reference}/supplement", new { note = " " }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
            }

            using (var asked = await PostAsync(app, "canbo.trungvan", $"/api/online/{reference}/supplement", new { note = "Tải lên bản chính giấy tờ cần chứng thực" }))
            {
                Assert.Equal(HttpStatusCode.NoContent, asked.StatusCode);
            }

            var waiting = await GetJsonAsync(app, An, $"/api/portal/dossiers/{reference}");
            Assert.Equal("supplementRequested", waiting.GetProperty("status").GetString());
            Assert.Equal("Tải lên bản chính giấy tờ cần chứng thực", waiting.GetProperty("officerNote").GetString());
            Assert.True(waiting.GetProperty("canSupplement").GetBoolean());
            using (var early = await PostAsync(app, "canbo.trungvan", $"/api/online/{reference}/accept"))
            {
                Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // it is the citizen's turn
            }

            var documentId = await UploadAsync(app, An, Builders.TestImages.QrPng("bản chính", 4), "ban-chinh.png");
            using (var supplemented = await PostAsync(app, An, $"/api/portal/dossiers/{reference}/supplement", new { documents = new[] { new { documentType = "ban-chinh", documentId } } }))
            {
                Assert.Equal(HttpStatusCode.OK, supplemented.StatusCode);
                var back = await supplemented.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("submitted", back.GetProperty("status").GetString());
                Assert.Single(back.GetProperty("documents").EnumerateArray());
            }

            Assert.Contains((await Flow.InboxAsync(app, "canbo.trungvan", "filter=online")).GetProperty("items").EnumerateArray(), i => i.GetProperty("reference").GetString() == reference);
            using (var again = await PostAsync(app, An, $"/api/portal/dossiers/{reference}/supplement", new { }))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // nothing asked now
            }

            using (var noReason = await PostAsync(app, "canbo.trungvan", $"/api/online/{reference}/refuse", new { }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            }

            using (var refused = await PostAsync(app, "canbo.trungvan", $"/api/online/{reference}/refuse", new { note = "Giấy tờ không thuộc thẩm quyền chứng thực của phường" }))
            {
                Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);
            }

            var closed = await GetJsonAsync(app, An, $"/api/portal/dossiers/{reference}");
            Assert.Equal("refused", closed.GetProperty("status").GetString());
            Assert.Equal(["submitted", "supplementRequested", "supplemented", "refused"], closed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
            Assert.False(closed.GetProperty("canWithdraw").GetBoolean());

            var other = await SubmittedAsync(app);
            using (var withdrawn = await PostAsync(app, An, $"/api/portal/dossiers/{other}/withdraw"))
            {
                Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
                Assert.Equal("withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            }

            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(app, "canbo.trungvan", $"/api/online/{other}X"));
            using var afterWithdrawal = await PostAsync(app, "canbo.trungvan", $"/api/online/{other}/accept");
            Assert.Equal(HttpStatusCode.Conflict, afterWithdrawal.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Many_submissions_at_once_each_get_one_application_and_one_key_repeated_at_once_gets_one(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var client = await app.ClientForAsync(An);
            var body = new { procedureCode = "2.000815", office = DaiMo };
            async Task<(HttpStatusCode Status, string Reference)> SendAsync(string key)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/dossiers") { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(request);
                var created = await response.Content.ReadFromJsonAsync<JsonElement>();
                return (response.StatusCode, created.TryGetProperty("reference", out var r) ? r.GetString()! : "");
            }

            var distinct = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => SendAsync($"many-{i}")));
            Assert.All(distinct, r => Assert.Equal(HttpStatusCode.Created, r.Status));
            Assert.Equal(100, distinct.Select(r => r.Reference).Distinct().Count());
            var same = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => SendAsync("one-key")));
            Assert.All(same, r => Assert.Equal(HttpStatusCode.Created, r.Status));
            Assert.Single(same.Select(r => r.Reference).Distinct());
            Assert.Equal(101, (await GetJsonAsync(app, An, "/api/portal/dossiers")).GetProperty("items").GetArrayLength());
        });
    }

    /// <summary>A PDF whose CMS signature covers exactly its signed byte ranges, and checks out against the certificate it carries.</summary>
    private static void AssertSignedPdf(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var range = System.Text.RegularExpressions.Regex.Match(text, @"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]");
        Assert.True(range.Success, "no /ByteRange: the PDF is not signed");
        var (a, b, c, d) = (int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(range.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(range.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(pdf.Length, c + d);
        var padded = Convert.FromHexString(text[(a + b + 1)..(c - 1)]);
        System.Formats.Asn1.AsnDecoder.ReadEncodedValue(padded, System.Formats.Asn1.AsnEncodingRules.BER, out _, out _, out var length);
        var signature = padded[..length]; // the placeholder is padded with zeros after the CMS structure
        var signed = pdf[a..(a + b)].Concat(pdf[c..(c + d)]).ToArray();
        var cms = new System.Security.Cryptography.Pkcs.SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(signed), detached: true);
        cms.Decode(signature);
        cms.CheckSignature(verifySignatureOnly: true); // throws when the bytes or the signature were changed
        Assert.Contains("MotCua demo CA", cms.SignerInfos[0].Certificate!.Issuer, StringComparison.Ordinal);
        signed[10] ^= 1;
        var tampered = new System.Security.Cryptography.Pkcs.SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(signed), detached: true);
        tampered.Decode(signature);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => tampered.CheckSignature(verifySignatureOnly: true));
    }
}
