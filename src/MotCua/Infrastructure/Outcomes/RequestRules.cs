using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using MotCua.Infrastructure.Text;

namespace MotCua.Infrastructure.Outcomes;

/// <summary>
/// Checks what a request record declares: DataAnnotations on its properties, whose <c>ErrorMessage</c> is the key
/// of the text to show (so the message is the reader's language, filled with the attribute's bounds), and the
/// record's own cross-field rules (<see cref="IValidatableObject"/>, whose messages are already texts), all of them
/// at once. A property holding one of MotCua's records is checked as its own record (<c>applicant.fullName</c>); a
/// list of them item by item, each item's errors under its index (<c>documents[3]</c>). Fields are named as the
/// API's JSON names them. Use cases call it first, so that the API and the pages refuse the same things the same
/// way; what depends on the database, the clock or the caller stays in the use case, added to the same errors.
/// </summary>
public static class RequestRules
{
    public static Failure? Check<T>(T request)
        where T : class => Errors(request) is { Count: > 0 } errors ? Failure.Invalid(errors) : null;

    /// <summary>The declared rules' errors by field (empty when the request keeps them), for a use case to add its own to.</summary>
    public static Dictionary<string, string[]> Errors<T>(T request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>();
        Collect(request, "", (field, message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message));
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Collect(object record, string prefix, Action<string, string> add)
    {
        var context = new ValidationContext(record);
        foreach (var property in record.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var field = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var value = property.GetValue(record);
            context.MemberName = property.Name;
            var broken = false;
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (rule.GetValidationResult(value, context) is not null)
                {
                    add(field, Texts.Get(rule.ErrorMessage!, Bounds(rule))); // an attribute's message is a key of the texts
                    broken = true;
                }
            }

            if (broken || value is null)
            {
                continue; // a list already too long is not read item by item
            }

            if (IsRecord(value.GetType()))
            {
                Collect(value, field + ".", add);
            }
            else if (value is IEnumerable items and not string && property.PropertyType.IsGenericType && IsRecord(property.PropertyType.GetGenericArguments()[^1]))
            {
                var i = 0;
                foreach (var item in items)
                {
                    var itemField = $"{field}[{i++}]";
                    if (item is null)
                    {
                        add(itemField, Texts.Get("Problem.EmptyItem"));
                    }
                    else
                    {
                        Collect(item, "", (_, message) => add(itemField, message));
                    }
                }
            }
        }

        if (record is IValidatableObject rules)
        {
            context.MemberName = null;
            foreach (var r in rules.Validate(context))
            {
                var member = r.MemberNames.FirstOrDefault() ?? "";
                add(member.Length == 0 ? prefix.TrimEnd('.') : prefix + JsonNamingPolicy.CamelCase.ConvertName(member), r.ErrorMessage ?? ""); // a cross-field rule's message is the text
            }
        }
    }

    private static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && type.Assembly == typeof(RequestRules).Assembly;

    private static object?[] Bounds(ValidationAttribute rule) => rule switch
    {
        MaxLengthAttribute max => [max.Length],
        MinLengthAttribute min => [min.Length],
        StringLengthAttribute length => [length.MaximumLength, length.MinimumLength],
        RangeAttribute range => [range.Minimum, range.Maximum],
        _ => [],
    };
}
