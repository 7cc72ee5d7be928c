using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Citizens;
using MotCua.Features.Citizens.Contracts;

namespace MotCua.Tests.Features.Citizens;

public abstract class CitizenStoreTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    private async Task<T> StoreAsync<T>(Func<CitizenStore, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CitizenStore>());
    }

    private async Task<Guid> UnitIdAsync(string code) => await app.WithDbAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [SkippableFact]
    public async Task Each_value_records_its_source_and_a_new_phone_keeps_the_old_in_history()
    {
        var card = new CitizenObservation("001090000101", "Lê Văn Cường", new DateOnly(1990, 5, 6), Sex.Male, "Phường Đại Mỗ, Hà Nội");
        var created = await StoreAsync(s => s.ObserveAsync(card, ProfileSource.IdCardQr, "canbo.trungvan", null));
        Assert.True(created.Created);
        await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001090000101", Phone: "0912 000 101"), ProfileSource.Officer, "canbo.trungvan", null));
        await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001090000101", Phone: "+84 988 000 101"), ProfileSource.OnlineAccount, "portal", null));

        var values = await app.WithDbAsync(db => db.Set<ProfileFieldValue>().Where(v => v.CitizenId == created.CitizenId).ToListAsync());
        Assert.Equal(ProfileSource.IdCardQr, values.Single(v => v.Field == "fullName").Source);
        var phones = values.Where(v => v.Field == "phone").OrderBy(v => v.ObservedAt).ToList();
        Assert.Equal(["0912000101", "0988000101"], phones.Select(p => p.Value));
        Assert.Equal(ProfileValueState.Superseded, phones[0].State);
        Assert.Equal(ProfileValueState.Current, phones[1].State);
        var citizen = await app.WithDbAsync(db => db.Set<Citizen>().SingleAsync(c => c.Id == created.CitizenId));
        Assert.Equal("0988000101", citizen.Phone);
    }

    [SkippableFact]
    public async Task A_different_name_or_birth_date_for_the_same_ID_is_flagged_never_overwritten()
    {
        await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001190000202", "Phạm Thị Hoa", new DateOnly(1991, 2, 3), Sex.Female), ProfileSource.IdCardQr, "a", null));
        var second = await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001190000202", "Phạm Thị Hòa", new DateOnly(1991, 3, 2), Sex.Female), ProfileSource.Officer, "b", null));
        Assert.Equal(["fullName", "dateOfBirth"], second.Conflicts);
        var citizen = await app.WithDbAsync(db => db.Set<Citizen>().SingleAsync(c => c.IdNumber == "001190000202"));
        Assert.Equal("Phạm Thị Hoa", citizen.FullName);
        Assert.Equal(new DateOnly(1991, 2, 3), citizen.DateOfBirth);
        Assert.Equal(2, citizen.OpenConflicts);

        var nameConflict = await app.WithDbAsync(db => db.Set<ProfileFieldValue>().SingleAsync(v => v.CitizenId == citizen.Id && v.Field == "fullName" && v.State == ProfileValueState.Conflicting));
        Assert.True(await StoreAsync(s => s.SettleAsync(citizen.Id, nameConflict.Id, accept: true, "lanhdao")));
        citizen = await app.WithDbAsync(db => db.Set<Citizen>().SingleAsync(c => c.IdNumber == "001190000202"));
        Assert.Equal("Phạm Thị Hòa", citizen.FullName);
        Assert.Equal(1, citizen.OpenConflicts);
    }

    [SkippableFact]
    public async Task Same_name_in_other_case_or_spacing_is_not_a_conflict()
    {
        await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001090000303", "Đỗ Văn Dũng"), ProfileSource.IdCardQr, "a", null));
        var again = await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001090000303", "ĐỖ  VĂN DŨNG"), ProfileSource.Officer, "a", null));
        Assert.Empty(again.Conflicts);
    }

    [SkippableTheory]
    [InlineData("nguyen van an")]
    [InlineData("NGUYEN VAN")]
    [InlineData("Nguyễn Văn An")]
    public async Task Name_search_ignores_diacritics_and_lists_mask_the_ID(string query)
    {
        await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001090000404", "Nguyễn Văn An", new DateOnly(1990, 1, 1)), ProfileSource.IdCardQr, "a", null));
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var found = await officer.GetFromJsonAsync<JsonElement>($"/api/citizens?q={Uri.EscapeDataString(query)}");
        var item = found.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("maskedIdNumber").GetString()!.EndsWith("404", StringComparison.Ordinal));
        Assert.Equal("Nguyễn Văn An", item.GetProperty("fullName").GetString());
        Assert.DoesNotContain("001090000404", found.GetRawText(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task D_and_Đ_match_and_search_pages()
    {
        for (var i = 0; i < 5; i++)
        {
            var n = i;
            await StoreAsync(s => s.ObserveAsync(new CitizenObservation($"0010900005{n:00}", $"Đặng Thu Trang {n}"), ProfileSource.BulkImport, "a", null));
        }

        using var officer = await app.ClientForAsync("canbo.trungvan");
        var first = await officer.GetFromJsonAsync<JsonElement>("/api/citizens?q=dang%20thu%20trang&limit=3");
        var second = await officer.GetFromJsonAsync<JsonElement>("/api/citizens?q=dang%20thu%20trang&limit=3&offset=3");
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("more").GetBoolean());
        Assert.Equal(2, second.GetProperty("items").GetArrayLength());
        Assert.False(second.GetProperty("more").GetBoolean());
    }

    [SkippableFact]
    public async Task Search_by_ID_number_and_by_phone()
    {
        await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001090000606", "Vũ Minh Tuấn", Phone: "0903 000 606"), ProfileSource.Officer, "a", null));
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var byId = await officer.GetFromJsonAsync<JsonElement>("/api/citizens?q=001090000606");
        var byPhone = await officer.GetFromJsonAsync<JsonElement>("/api/citizens?q=%2B84903000606");
        Assert.Equal("Vũ Minh Tuấn", byId.GetProperty("items")[0].GetProperty("fullName").GetString());
        Assert.Equal("Vũ Minh Tuấn", byPhone.GetProperty("items")[0].GetProperty("fullName").GetString());
    }

    [SkippableFact]
    public async Task Opening_a_record_is_logged_and_the_record_shows_its_log()
    {
        var unit = await UnitIdAsync("001.00.61.H26");
        await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001090000707", "Bùi Văn Khoa"), ProfileSource.Dossier, "canbo.trungvan", unit, "001.00.61.H26-270301-0707"));
        using var officer = await app.ClientForAsync("canbo.trungvan");
        await officer.GetFromJsonAsync<JsonElement>("/api/citizens/001090000707");
        var record = await officer.GetFromJsonAsync<JsonElement>("/api/citizens/001090000707");
        var log = record.GetProperty("accessLog").EnumerateArray().ToList();
        // Two openings of the same view within minutes are one read in the log, with the officer's unit.
        var entry = Assert.Single(log);
        Assert.Equal("canbo.trungvan", entry.GetProperty("username").GetString());
        Assert.NotEqual(JsonValueKind.Null, entry.GetProperty("unitId").ValueKind);
        app.Clock.Advance(CitizenRecords.SameView + TimeSpan.FromMinutes(1));
        var later = await officer.GetFromJsonAsync<JsonElement>("/api/citizens/001090000707");
        Assert.Equal(2, later.GetProperty("accessLog").GetArrayLength());
        Assert.Equal("001090000707", record.GetProperty("idNumber").GetString());
    }

    [SkippableFact]
    public async Task Another_ward_needs_a_stated_purpose_and_that_read_is_logged_with_it()
    {
        var unit = await UnitIdAsync("001.00.61.H26");
        await StoreAsync(s => s.ObserveAsync(new CitizenObservation("001090000808", "Hồ Thị Mai"), ProfileSource.IdCardQr, "canbo.trungvan", unit));
        using var other = await app.ClientForAsync("canbo.phuongkhac");
        using var refused = await other.GetAsync("/api/citizens/001090000808");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var record = await other.GetFromJsonAsync<JsonElement>("/api/citizens/001090000808?purpose=" + Uri.EscapeDataString("Công dân nộp hồ sơ tại phường Từ Liêm"));
        Assert.Contains(record.GetProperty("accessLog").EnumerateArray(),
            e => e.GetProperty("username").GetString() == "canbo.phuongkhac" && e.GetProperty("purpose").GetString() == "Công dân nộp hồ sơ tại phường Từ Liêm");
    }

    [SkippableFact]
    public async Task Bulk_import_stores_what_the_ordinary_path_stores_and_reports_progress()
    {
        var people = MotCua.Infrastructure.Demo.DemoPeople.Generate(120, seed: 7).ToList();
        var reported = new List<int>();
        var import = app.Services.GetRequiredService<CitizenBulkImport>();
        var total = await import.ImportAsync(people, new SynchronousProgress(reported), "test");
        Assert.Equal(120, total);
        Assert.Equal([120], reported);

        var first = people[0];
        var stored = await app.WithDbAsync(db => db.Set<Citizen>().SingleAsync(c => c.IdNumber == first.IdNumber));
        Assert.Equal(first.FullName, stored.FullName);
        Assert.Equal(first.DateOfBirth, stored.DateOfBirth);
        Assert.Equal(first.Sex, stored.Sex);
        Assert.True(Math.Abs((stored.CreatedAt - app.Clock.GetUtcNow()).TotalMilliseconds) < 1, "instants keep sub-millisecond precision");
        Assert.Empty(CitizenIdNumber.Inconsistencies(stored.IdNumber, stored.DateOfBirth, stored.Sex));
        var sources = await app.WithDbAsync(db => db.Set<ProfileFieldValue>().Where(v => v.CitizenId == stored.Id).Select(v => v.Source).Distinct().ToListAsync());
        Assert.Equal([ProfileSource.BulkImport], sources);

        // Importing again observes instead of duplicating: a changed name is a conflict, not an overwrite.
        await import.ImportAsync([first with { FullName = "Tên Khác Hẳn" }], null, "test");
        var again = await app.WithDbAsync(db => db.Set<Citizen>().SingleAsync(c => c.IdNumber == first.IdNumber));
        Assert.Equal(first.FullName, again.FullName);
        Assert.Equal(1, again.OpenConflicts);
    }

    private sealed class SynchronousProgress(List<int> reported) : IProgress<int>
    {
        public void Report(int value) => reported.Add(value);
    }
}

/// <summary><see cref="CitizenStoreTests"/> on SQLite.</summary>
public sealed class CitizenStoreTestsOnSqlite(TestApp app) : CitizenStoreTests(app), IClassFixture<TestApp>;

/// <summary><see cref="CitizenStoreTests"/> on PostgreSQL.</summary>
public sealed class CitizenStoreTestsOnPostgres(PostgresTestApp app) : CitizenStoreTests(app), IClassFixture<PostgresTestApp>;
