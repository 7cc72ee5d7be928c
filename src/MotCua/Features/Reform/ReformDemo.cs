using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Demo;

namespace MotCua.Features.Reform;

/// <summary>
/// The reform office of the demo city, once, after its month of dossiers: the district's 2021–2025 plan (the seed's
/// satisfaction went from 75.57 % to 93.83 %) and the pilot's successor ward's plan for this year, with measured and
/// reported targets; the index of last year and this year for each ward (self-assessed, the city's appraisal of last
/// year, this year's measured points); a supervision delegation's findings; the city's register. Illustrative.
/// </summary>
internal sealed class ReformDemo(AppDbContext db, DemoFlag demo, UnitTree tree, ParIndex index, IOptions<DemoOptions> options, TimeProvider clock) : IStartupTask
{
    public int Order => 210;

    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Value.Reform || !await demo.IsDemoAsync(ct) || await db.Set<ReformPlan>().AnyAsync(ct)
            || await tree.FindByCodeAsync("000.00.61.H26", ct) is not { } ward || await tree.FindByCodeAsync("000.00.00.H26", ct) is not { } city)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(clock);
        if (await tree.FindByCodeAsync("000.00.15.H26", ct) is { } district)
        {
            db.Add(new ReformPlan
            {
                UnitId = district.Id, Name = "Kế hoạch cải cách hành chính giai đoạn 2021–2025", From = new DateOnly(2021, 1, 1), To = new DateOnly(2025, 12, 31),
                Decision = "Kế hoạch cải cách hành chính 2021–2025 (minh hoạ)", CreatedBy = "lanhdao.thanhpho", CreatedAt = now,
                Targets =
                [
                    new ReformTarget { Name = "Tỷ lệ người dân, tổ chức hài lòng với giải quyết thủ tục hành chính", Target = 90, Reported = 93.83m, Evidence = "Báo cáo của quận gửi đoàn giám sát: từ 75,57 % lên 93,83 % (minh hoạ)", ReportedBy = "lanhdao.thanhpho", ReportedAt = now },
                    new ReformTarget { Name = "Biên chế sử dụng trong số được giao", Target = 100, Reported = 100, Evidence = "142/154 công chức quận, 139/150 công chức phường, 1.768/1.968 viên chức", ReportedBy = "lanhdao.thanhpho", ReportedAt = now },
                ],
            });
        }

        var wardPlan = new ReformPlan
        {
            UnitId = ward.Id, Name = $"Kế hoạch cải cách hành chính năm {today.Year}", From = new DateOnly(today.Year, 1, 1), To = new DateOnly(today.Year, 12, 31),
            Decision = $"Kế hoạch số 05/KH-UBND ngày 10/01/{today.Year} (minh hoạ)", CreatedBy = "lanhdao.trungvan", CreatedAt = now,
            Targets =
            [
                new ReformTarget { Name = "Tỷ lệ người dân, tổ chức hài lòng", Measure = "satisfaction", Target = 95 },
                new ReformTarget { Name = "Tỷ lệ hồ sơ giải quyết đúng hạn", Measure = "onTime", Target = 98 },
                new ReformTarget { Name = "Tỷ lệ hồ sơ được số hoá", Measure = "digitised", Target = 80 },
                new ReformTarget { Name = "Tỷ lệ hồ sơ tiếp nhận trực tuyến", Measure = "online", Target = 50 },
                new ReformTarget { Name = "Thủ tục đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình", Target = 100, Reported = 92, Evidence = "Báo cáo rà soát quý III (minh hoạ)", ReportedBy = "lanhdao.trungvan", ReportedAt = now },
            ],
        };
        db.Add(wardPlan);

        db.Add(new ReformCommittee
        {
            UnitId = ward.Id, Name = "Ban Chỉ đạo cải cách hành chính phường Đại Mỗ", Decision = "Quyết định số 01/QĐ-UBND ngày 02/07/2025 (minh hoạ)",
            Regulation = "Quy chế hoạt động ban hành kèm Quyết định số 02/QĐ-BCĐ (minh hoạ)",
            Members = "Lê Quang Vinh – Chủ tịch UBND phường, Trưởng ban\nTrần Văn Hùng – công chức Tư pháp - Hộ tịch, thành viên\nNguyễn Thị Minh Thu – Trung tâm Phục vụ hành chính công, thư ký",
            CreatedBy = "lanhdao.trungvan", CreatedAt = now,
            Meetings = [new ReformMeeting { HeldOn = new DateOnly(today.Year, 1, 15), Conclusions = "Giao Trung tâm Phục vụ hành chính công số hoá 100 % hồ sơ tiếp nhận tại quầy (minh hoạ)." }],
        });
        db.Add(new ReformFinding
        {
            Source = "Ban Chỉ đạo cải cách hành chính phường (kế hoạch năm)", PlanId = wardPlan.Id, Text = "Số hoá 100 % hồ sơ tiếp nhận tại quầy", ResponsibleUnitId = ward.Id,
            Deadline = new DateOnly(today.Year, 12, 31), CreatedBy = "lanhdao.trungvan", CreatedAt = now,
        });

        const string Delegation = "Đoàn giám sát của Ban Pháp chế HĐND thành phố (minh hoạ)";
        db.AddRange(
            new ReformFinding { Source = Delegation, Text = "Phối hợp với Sở Tư pháp hoàn thành số hoá sổ hộ tịch còn lại của các phường cũ", ResponsibleUnitId = ward.Id, Coordinating = "000.00.31.H26", Deadline = today.AddDays(-10), CreatedBy = "lanhdao.thanhpho", CreatedAt = now },
            new ReformFinding { Source = Delegation, Text = "Niêm yết đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công phường", ResponsibleUnitId = ward.Id, Deadline = today.AddDays(-40), Status = FindingStatus.Done, Evidence = "Biên bản kiểm tra niêm yết (minh hoạ)", DoneOn = today.AddDays(-45), CreatedBy = "lanhdao.thanhpho", CreatedAt = now },
            new ReformFinding { Source = Delegation, Text = "Đề xuất thành phố bổ sung máy quét tài liệu cho quầy tiếp nhận", ResponsibleUnitId = ward.Id, Coordinating = "000.00.00.H26", Deadline = today.AddDays(30), CreatedBy = "lanhdao.thanhpho", CreatedAt = now });

        db.AddRange(
            Document(city.Id, "12/2021/QĐ-UBND", "Quyết định", "Quy chế tổ chức, hoạt động của Bộ phận Một cửa các cấp (minh hoạ)", new DateOnly(2021, 5, 10), new DateOnly(2021, 5, 25)),
            Document(city.Id, "63/2024/NĐ-CP", "Nghị định", "Quy định việc thực hiện liên thông điện tử các thủ tục hành chính (văn bản cấp trên theo dõi, minh hoạ)", new DateOnly(2024, 6, 10), new DateOnly(2024, 7, 1)));
        await db.SaveChangesAsync(ct);

        // The index: each ward's self-assessment, last year appraised by the city; this year's measured points filled in.
        var wards = (await tree.AllAsync(ct)).Where(u => u.Kind == "Ward" && u.ValidTo is null).OrderBy(u => u.Code).ToList();
        for (var w = 0; w < wards.Count; w++)
        {
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                var criteria = ParIndex.CriteriaOf(year).Groups.SelectMany(g => g.Criteria).ToList();
                for (var c = 0; c < criteria.Count; c++)
                {
                    // Between 70 % and 100 % of the maximum, differing by ward and criterion.
                    var share = 0.7m + (((w * 7) + (c * 3) + year) % 4 * 0.1m);
                    var self = Math.Round(criteria[c].Max * share, 1);
                    db.Add(new IndexScore
                    {
                        Year = year, UnitId = wards[w].Id, Criterion = criteria[c].Code, Self = criteria[c].Measure is null || year < today.Year ? self : null,
                        Evidence = criteria[c].Measure is null ? "Tài liệu kiểm chứng kèm báo cáo tự chấm (minh hoạ)" : null,
                        Appraised = year < today.Year ? Math.Max(0, self - 0.5m) : null, AppraisedBy = year < today.Year ? "lanhdao.thanhpho" : null, UpdatedAt = now,
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var unit in wards)
        {
            await index.MeasureAsync(unit, today.Year, ct);
        }

        LegalDocument Document(Guid unitId, string number, string type, string title, DateOnly issued, DateOnly effective) => new()
        {
            UnitId = unitId, Number = number, Type = type, Title = title, IssuedOn = issued, EffectiveFrom = effective, Status = DocumentStatus.InForce,
            ReviewedOn = new DateOnly(today.Year, 3, 31), ReviewedBy = "lanhdao.thanhpho", CreatedBy = "lanhdao.thanhpho", CreatedAt = now,
        };
    }
}
