SELECT (SELECT count(*) FROM products) AS products,
       (SELECT count(*) FROM orders) AS orders,
       (SELECT count(DISTINCT user_id) FROM orders) AS buyers,
       (SELECT count(*) FROM orders WHERE status = 'reserved') AS open_reservations,
       (SELECT on_hand FROM inventory WHERE product_id = 1) AS sale_stock;
