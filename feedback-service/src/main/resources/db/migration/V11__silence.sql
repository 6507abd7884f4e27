-- Segments of feedback (a topic or a channel) that went quiet: at most one flag per segment and week, whatever the
-- number of replicas that look.
create table silence_flag (
    id           uuid primary key,
    dimension    text             not null,
    segment      text             not null,
    week         date             not null,
    window_start timestamptz      not null,
    window_end   timestamptz      not null,
    observed     bigint           not null,
    expected     double precision not null,
    p_value      double precision not null,
    detected_at  timestamptz      not null,
    unique (dimension, segment, week)
);
create index silence_flag_detected on silence_flag (detected_at desc);
