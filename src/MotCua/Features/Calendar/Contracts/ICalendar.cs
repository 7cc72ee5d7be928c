namespace MotCua.Features.Calendar.Contracts;

/// <summary>The civil-service calendar in force; what intake and the workflow use to set and move deadlines.</summary>
public interface ICalendar
{
    ValueTask<WorkingDayCalendar> GetAsync(CancellationToken ct = default);
}
