SELECT (SELECT count(*) FROM hotels) AS hotels,
       (SELECT count(*) FROM rooms) AS rooms,
       (SELECT count(*) FROM bookings) AS bookings,
       (SELECT count(*) FROM bookings WHERE status = 'cancelled') AS cancelled,
       (SELECT min(lower(during))::date FROM bookings) AS first_night,
       (SELECT max(upper(during))::date FROM bookings) AS last_checkout;
